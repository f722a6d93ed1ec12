package health.courses.notification.reply;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The signature against the provider's own documented example, byte for byte, and what must break it. */
class TwilioSignatureTest {

    /**
     * Twilio's webhook-security example (twilio.com/docs/usage/security, "Validating Requests"; the same vector is in
     * twilio-php's validation docs): auth token 12345, this URL and these five parameters. Note the caller number ends
     * in 5310: with 5309 the result differs (RSOYDt4T1cUTdK1PDd93/VVr8B8=), checked with openssl.
     */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+14158675310"),
            "Digits", List.of("1234"),
            "From", List.of("+14158675310"),
            "To", List.of("+18005551212"));
    private static final String DOCUMENTED = "GvWf1cFY/Q7PnoempGyD5oXAezc=";

    @Test
    void theDocumentedExampleGivesTheDocumentedSignature() {
        assertThat(TwilioSignature.of("12345", URL, PARAMETERS), equalTo(DOCUMENTED));
        assertThat(TwilioSignature.matches(DOCUMENTED, "12345", URL, PARAMETERS), is(true));
    }

    @Test
    void anyChangeToTokenUrlOrParametersBreaksIt() {
        assertThat(TwilioSignature.matches(DOCUMENTED, "12346", URL, PARAMETERS), is(false));
        assertThat(TwilioSignature.matches(DOCUMENTED, "12345", URL.replace("https", "http"), PARAMETERS), is(false));
        Map<String, List<String>> more = new java.util.HashMap<>(PARAMETERS);
        more.put("ApiVersion", List.of("2010-04-01"));
        assertThat("a parameter we do not read is signed too", TwilioSignature.matches(DOCUMENTED, "12345", URL, more),
                is(false));
        assertThat(TwilioSignature.matches(null, "12345", URL, PARAMETERS), is(false));
        assertThat(TwilioSignature.matches("", "12345", URL, PARAMETERS), is(false));
        assertThat(TwilioSignature.matches(DOCUMENTED.substring(1), "12345", URL, PARAMETERS), is(false));
    }

    @Test
    void twimlEscapesWhatXmlGivesMeaningTo() {
        assertThat(Twiml.of(Optional.of("Müller & Partner <\"x\"> 'y'")), equalTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Müller &amp; Partner &lt;&quot;x&quot;&gt;"
                        + " &apos;y&apos;</Message></Response>"));
        assertThat(Twiml.of(Optional.empty()), equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
    }

    @Test
    void theFirstWordDecidesCaseAndSpaceIgnoredAndCancelIsAnOptOut() {
        for (String body : List.of("C", " c ", "Confirm", "CONFIRM see you", "c.")) {
            assertThat(body, Keyword.of(body), is(Keyword.CONFIRM));
        }
        assertThat(Keyword.of(" r please"), is(Keyword.RESCHEDULE));
        for (String body : List.of("STOP", "stopall", "Unsubscribe", "cancel my appointment", "END", "quit", "OPTOUT",
                "revoke", "Stop!")) {
            assertThat(body, Keyword.of(body), is(Keyword.OPT_OUT));
        }
        assertThat(Keyword.of("start"), is(Keyword.OPT_IN));
        assertThat(Keyword.of("UNSTOP"), is(Keyword.OPT_IN));
        assertThat(Keyword.of("help"), is(Keyword.HELP));
        assertThat(Keyword.of("Info"), is(Keyword.HELP));
        for (String body : List.of("Can I come at 11?", "Running late", "", "   ", "Rescheduling please")) {
            assertThat(body, Keyword.of(body), is(Keyword.MESSAGE));
        }
    }
}

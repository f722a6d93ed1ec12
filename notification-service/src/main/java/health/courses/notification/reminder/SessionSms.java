package health.courses.notification.reminder;

import health.courses.notification.contact.Languages;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.notification.Delivery;
import health.courses.notification.sms.SmsComposer;

/**
 * The text-message versions of the session and course notices: short, with the time in the patient's zone. A reminder
 * ends with the reply options (issue 18, package {@code reply}); the keywords stay the same in every language, as
 * carriers and the webhook know them.
 */
@ApplicationScoped
public class SessionSms implements SmsComposer {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en", Map.of(
                    MessageKind.REMINDER, "%1$s: reminder of your session on %2$s at %3$s (%4$s). Reply C to confirm, R if you need another time, STOP to opt out.",
                    MessageKind.CHANGED, "%1$s: your session has moved to %2$s at %3$s (%4$s). Questions? Please call us.",
                    MessageKind.CANCELLED, "%1$s: your session on %2$s at %3$s (%4$s) is cancelled. Please call us to rebook.",
                    MessageKind.COURSE_HELD, "%1$s: your treatment course is paused; we will not remind you of sessions until it resumes. Please call us with questions.",
                    MessageKind.COURSE_CANCELLED, "%1$s: your treatment course is cancelled. Please call us with questions."),
            "de", Map.of(
                    MessageKind.REMINDER, "%1$s: Erinnerung an Ihren Termin am %2$s um %3$s Uhr (%4$s). Antworten Sie C zum Bestätigen, R für einen anderen Termin, STOP zum Abmelden.",
                    MessageKind.CHANGED, "%1$s: Ihr Termin wurde auf %2$s um %3$s Uhr (%4$s) verschoben. Fragen? Rufen Sie uns bitte an.",
                    MessageKind.CANCELLED, "%1$s: Ihr Termin am %2$s um %3$s Uhr (%4$s) wurde abgesagt. Rufen Sie uns bitte an.",
                    MessageKind.COURSE_HELD, "%1$s: Ihr Behandlungskurs ist pausiert; bis zur Fortsetzung erhalten Sie keine Erinnerungen. Bei Fragen rufen Sie uns bitte an.",
                    MessageKind.COURSE_CANCELLED, "%1$s: Ihr Behandlungskurs wurde abgesagt. Bei Fragen rufen Sie uns bitte an."));

    private final Letters letters;

    SessionSms(Letters letters) {
        this.letters = letters;
    }

    @Override
    public Set<String> kinds() {
        return Letters.KINDS;
    }

    @Override
    public String compose(Delivery delivery) {
        PatientLetter letter = PatientLetter.of(delivery.kind(), letters.payload(delivery), delivery.contact().zone(),
                delivery.contact().language());
        String text = TEXTS.get(Languages.writtenIn(delivery.contact().language())).get(delivery.kind());
        return letter.session() == null ? text.formatted(letter.clinicName())
                : text.formatted(letter.clinicName(), letter.session().date(), letter.session().time(),
                        letter.session().offset());
    }
}

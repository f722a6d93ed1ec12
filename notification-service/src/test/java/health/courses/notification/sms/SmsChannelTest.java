package health.courses.notification.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents;
import health.courses.notification.SessionEvents.Session;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = SmsProviderStub.class, scope = TestResourceScope.GLOBAL)
class SmsChannelTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ACCOUNT = "AC00000000000000000000000000000000";
    private static final String MESSAGES = "/Accounts/" + ACCOUNT + "/Messages.json";
    private static final String TWILIO_CREATED = """
            {"sid":"SM00000000000000000000000000000001","status":"queued"}""";

    @Test
    void aReminderGoesToTheProviderFormEncodedWithBasicAuthAndTheNotificationAsIdempotencyKey() {
        Session session = bookedBySms("+4915100000001", "de");
        stubFor(session, aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(TWILIO_CREATED));

        Map<String, Object> reminder = await().atMost(PATIENCE).until(() -> reminder(session),
                row -> row != null && "sent".equals(row.get("status")));

        List<LoggedRequest> requests = requestsFor("+4915100000001");
        assertThat(requests, hasSize(1));
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("Authorization"), is("Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT + ":test-token").getBytes(StandardCharsets.UTF_8))));
        assertThat(request.getHeader("Idempotency-Key"), is(reminder.get("id").toString()));
        assertThat(request.getHeader("Content-Type"), containsString("application/x-www-form-urlencoded"));
        assertThat(request.formParameters().get("From").firstValue(), is("+15005550006"));
        assertThat(request.formParameters().get("Body").firstValue(),
                containsString("Praxis am Park: Erinnerung an Ihren Termin am"));
    }

    @Test
    void aPermanentRefusalEndsFailedAtOnceWithTheReason() {
        Session session = bookedBySms("+4915100000002", "en");
        stubFor(session, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21211,\"message\":\"The 'To' number +4915100000002 is not a valid phone number.\"}"));

        Map<String, Object> reminder = await().atMost(PATIENCE).until(() -> reminder(session),
                row -> row != null && "failed".equals(row.get("status")));

        assertThat(reminder.get("status_reason"), is("rejected"));
        assertThat(reminder.get("attempts"), is(1));
        assertThat((String) reminder.get("last_error"), containsString("HTTP 400"));
        assertThat(requestsFor("+4915100000002"), hasSize(1));
        assertThat(ledger(reminder.get("id")), is(List.of("planned", "sending", "failed:rejected")));
    }

    @Test
    void aTransientErrorIsRetriedWithTheSameIdempotencyKeyAndThenSent() {
        Session session = bookedBySms("+4915100000003", "en");
        String scenario = "outage-" + session.sessionId();
        SmsProviderStub.server().stubFor(post(urlEqualTo(MESSAGES)).withFormParam("To", equalTo("+4915100000003"))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        SmsProviderStub.server().stubFor(post(urlEqualTo(MESSAGES)).withFormParam("To", equalTo("+4915100000003"))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(TWILIO_CREATED)));

        Map<String, Object> reminder = await().atMost(PATIENCE).until(() -> reminder(session),
                row -> row != null && "sent".equals(row.get("status")));

        assertThat(reminder.get("attempts"), is(2));
        List<LoggedRequest> requests = requestsFor("+4915100000003");
        assertThat(requests, hasSize(2));
        assertThat(requests.get(0).getHeader("Idempotency-Key"), is(requests.get(1).getHeader("Idempotency-Key")));
        List<String> ledger = ledger(reminder.get("id"));
        assertThat(ledger.subList(0, 2), is(List.of("planned", "sending")));
        assertThat(ledger.get(2), containsString("planned:IllegalStateException: SMS provider answered HTTP 503"));
        assertThat(ledger.subList(3, 5), is(List.of("sending", "sent")));
    }

    /** A session whose one reminder, by SMS only, falls due eight seconds from now. */
    private static Session bookedBySms(String phone, String language) {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", "PT9M52S");
        Session session = Session.random(clinic.id());
        clinic.contact(session.patientId(), Map.of("email", "patient-" + session.patientId() + "@example.org",
                "phone", phone, "language", language, "preferredChannels", List.of("sms")));
        CourseEvents.publish(SessionEvents.scheduled(session,
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10).truncatedTo(ChronoUnit.SECONDS), 1));
        return session;
    }

    private static void stubFor(Session session, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        Map<String, Object> row = await().atMost(PATIENCE).until(() -> reminder(session), r -> r != null);
        SmsProviderStub.server().stubFor(post(urlEqualTo(MESSAGES))
                .withHeader("Idempotency-Key", matching(row.get("id").toString())).willReturn(answer));
    }

    private static List<LoggedRequest> requestsFor(String phone) {
        return SmsProviderStub.server().findAll(postRequestedFor(urlEqualTo(MESSAGES)).withFormParam("To", WireMock.equalTo(phone)));
    }

    private static Map<String, Object> reminder(Session session) {
        List<Map<String, Object>> rows = TestStack.query("""
                select id, status, status_reason, attempts, last_error from notification
                 where session_id = ? and kind = 'session-reminder' and channel = 'sms'""", session.sessionId());
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static List<String> ledger(Object notificationId) {
        return TestStack.query("select status, reason from notification_event where notification_id = ? order by id",
                notificationId).stream()
                .map(row -> row.get("reason") == null ? (String) row.get("status") : row.get("status") + ":" + row.get("reason"))
                .toList();
    }
}

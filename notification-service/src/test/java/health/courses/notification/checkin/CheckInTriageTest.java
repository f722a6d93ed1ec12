package health.courses.notification.checkin;

import static health.courses.notification.checkin.CheckInFixtures.awaitEvents;
import static health.courses.notification.checkin.CheckInFixtures.completed;
import static health.courses.notification.checkin.CheckInFixtures.endedAMinuteAgo;
import static health.courses.notification.checkin.CheckInFixtures.header;
import static health.courses.notification.checkin.CheckInFixtures.patient;
import static health.courses.notification.checkin.CheckInFixtures.tokenFor;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.courses.localstack.LocalStackTestResource;
import health.courses.localstack.ReceivedMail;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents.Session;
import health.courses.notification.TestStack;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * One test per triage rule, each through the real path: session.completed.v1 on the topic, the link from the mail
 * (IMAP), the answer as JSON, and the outcome read back from patient-checkin-events and the database.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CheckInTriageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MeterRegistry metrics;

    @BeforeAll
    static void listen() {
        CheckInFixtures.listen();
    }

    @Test
    void unableToUrinateIsUrgentEscalatedAndThePatientIsToldToCallNow() throws Exception {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "en");
        double urgentBefore = answered("urgent");

        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));
        String advice = answer(tokenFor(address), answers(0, "unable", false, false));

        assertThat(advice, equalTo("urgent"));
        ConsumerRecord<String, String> event = awaitEvents(session.courseId(), 1).get(0);
        assertThat(header(event, "ce_type"), equalTo("checkin.escalated.v1"));
        assertThat(header(event, "ce_source"), equalTo("/notification-service"));
        assertThat(header(event, "ce_specversion"), equalTo("1.0"));
        assertThat(header(event, "content-type"), equalTo("application/json"));
        JsonNode data = JSON.readTree(event.value());
        UUID checkInId = UUID.fromString(data.path("checkInId").asText());
        assertThat(header(event, "ce_subject"), equalTo(checkInId.toString()));
        // Exactly the schema's fields: ids, severity, rule version, time. No answers.
        assertThat(fieldNames(data), equalTo(List.of("checkInId", "clinicId", "courseId", "occurredAt", "patientId",
                "ruleVersion", "sessionId", "severity")));
        assertThat(data.path("severity").asText(), equalTo("urgent"));
        assertThat(data.path("ruleVersion").asInt(), equalTo(1));
        assertThat(data.path("sessionId").asText(), equalTo(session.sessionId().toString()));
        assertThat(event.value().contains("unable"), equalTo(false));

        ReceivedMail urgent = await().atMost(CheckInFixtures.PATIENCE).until(() -> TestStack.mailbox(address).stream()
                .filter(mail -> mail.subject().startsWith("Urgent")).toList(), mails -> !mails.isEmpty()).get(0);
        assertThat(urgent.text(), containsString("please call your physician now"));
        assertThat(TestStack.query("select severity, rule_version, reasons::text as reasons from check_in_answer"
                + " where check_in_id = ?", checkInId), equalTo(List.of(Map.of("severity", "urgent",
                        "rule_version", 1, "reasons", "{urination-unable}"))));
        assertThat(answered("urgent") - urgentBefore, equalTo(1.0));
    }

    @Test
    void painOfSevenIsReviewedAndPainOfSixIsNot() throws Exception {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session seven = Session.random(clinic.id());
        Session six = new Session(clinic.id(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String sevenAddress = patient(clinic, seven.patientId(), "en");
        String sixAddress = patient(clinic, six.patientId(), "en");

        CourseEvents.publish(completed(seven, UUID.randomUUID(), endedAMinuteAgo()),
                completed(six, UUID.randomUUID(), endedAMinuteAgo()));

        assertThat(answer(tokenFor(sevenAddress), answers(7, "normal", false, false)), equalTo("review"));
        assertThat(answer(tokenFor(sixAddress), answers(6, "normal", false, false)), equalTo("none"));
        assertOutcome(seven, "checkin.escalated.v1", "review", "{pain-at-least-7}");
        assertOutcome(six, "checkin.answered.v1", "none", "{}");
    }

    @Test
    void someDifficultyUrinatingIsReviewed() throws Exception {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "de");

        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));

        assertThat(answer(tokenFor(address), answers(2, "some-difficulty", false, false)), equalTo("review"));
        assertOutcome(session, "checkin.escalated.v1", "review", "{urination-some-difficulty}");
    }

    @Test
    void irritationOrAnAllergicReactionIsReviewed() throws Exception {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "en");

        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));

        assertThat(answer(tokenFor(address), answers(0, "normal", false, true)), equalTo("review"));
        assertOutcome(session, "checkin.escalated.v1", "review", "{irritation-or-allergic-reaction}");
    }

    @Test
    void painAndErectileDifficultyStillThereAtTheNextCheckInAreReviewed() throws Exception {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session first = Session.random(clinic.id());
        Session second = first.another();
        String address = patient(clinic, first.patientId(), "en");

        // First check-in: a little pain and erectile difficulty, nothing else: reassured.
        CourseEvents.publish(completed(first, UUID.randomUUID(), endedAMinuteAgo().minusDays(2)));
        assertThat(answer(tokenFor(address), answers(2, "normal", true, false)), equalTo("none"));
        // The next session's check-in: both still there.
        CourseEvents.publish(completed(second, UUID.randomUUID(), endedAMinuteAgo()));
        // Mails are read oldest first: the second is the new check-in's.
        String secondToken = CheckInFixtures.token(CheckInFixtures.link(CheckInFixtures.checkInMails(address, 2).get(1)));
        assertThat(answer(secondToken, answers(1, "normal", true, false)), equalTo("review"));

        List<ConsumerRecord<String, String>> events = awaitEvents(first.courseId(), 2);
        assertThat(events.stream().map(event -> header(event, "ce_type")).toList(),
                equalTo(List.of("checkin.answered.v1", "checkin.escalated.v1")));
        assertThat(TestStack.query("""
                select a.severity, a.reasons::text as reasons from check_in_answer a join check_in c on c.id = a.check_in_id
                 where c.session_id = ?""", second.sessionId()),
                equalTo(List.of(Map.of("severity", "review", "reasons", "{pain-persists,erectile-difficulty-persists}"))));
    }

    @Test
    void nothingWorryingIsReassured() throws Exception {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "en");
        double noneBefore = answered("none");

        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));

        assertThat(answer(tokenFor(address), answers(3, "normal", true, false)), equalTo("none"));
        assertOutcome(session, "checkin.answered.v1", "none", "{}");
        assertThat(answered("none") - noneBefore, equalTo(1.0));
    }

    private void assertOutcome(Session session, String type, String severity, String reasons) throws Exception {
        ConsumerRecord<String, String> event = awaitEvents(session.courseId(), 1).get(0);
        assertThat(header(event, "ce_type"), equalTo(type));
        assertThat(JSON.readTree(event.value()).path("severity").asText(), equalTo(severity));
        assertThat(TestStack.query("""
                select a.severity, a.rule_version, a.reasons::text as reasons
                  from check_in_answer a join check_in c on c.id = a.check_in_id where c.session_id = ?""",
                session.sessionId()), equalTo(List.of(Map.of("severity", severity, "rule_version", 1,
                        "reasons", reasons))));
    }

    static Map<String, Object> answers(int pain, String urination, boolean erectile, boolean irritation) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("pain", pain);
        answers.put("painSites", pain > 0 ? List.of("perineum") : List.of());
        answers.put("urination", urination);
        answers.put("erectileDifficulty", erectile);
        answers.put("irritation", irritation);
        answers.put("note", "stays in the clinic");
        return answers;
    }

    /** Answers through the JSON API; returns the advice. */
    static String answer(String token, Map<String, Object> answers) {
        return given().contentType(ContentType.JSON).body(answers)
                .post("/api/v1/check-ins/{token}", token)
                .then().statusCode(200).extract().path("advice");
    }

    private double answered(String severity) {
        var counter = metrics.find("courses.checkins.answered").tag("severity", severity).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> fieldNames(JsonNode data) {
        List<String> names = new java.util.ArrayList<>();
        data.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}

package health.courses.notification.checkin;

import static health.courses.notification.checkin.CheckInFixtures.awaitEvents;
import static health.courses.notification.checkin.CheckInFixtures.checkInMails;
import static health.courses.notification.checkin.CheckInFixtures.completed;
import static health.courses.notification.checkin.CheckInFixtures.endedAMinuteAgo;
import static health.courses.notification.checkin.CheckInFixtures.header;
import static health.courses.notification.checkin.CheckInFixtures.patient;
import static health.courses.notification.checkin.CheckInFixtures.tokenFor;
import static health.courses.notification.checkin.CheckInTriageTest.answer;
import static health.courses.notification.checkin.CheckInTriageTest.answers;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import health.courses.localstack.ReceivedMail;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents.Session;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The link's life: planned once, mailed, opened, answered once, expired, guessed at, followed up, left unanswered. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CheckInLinkTest {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @BeforeAll
    static void listen() {
        CheckInFixtures.listen();
    }

    @Test
    void theMailedLinkOpensTheStrictlyHeadedPageInThePatientsLanguageAndAnswersOnce() {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "de");
        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));

        ReceivedMail mail = checkInMails(address, 1).get(0);
        assertThat(mail.subject(), equalTo("Wie geht es Ihnen nach Ihrem Termin in Praxis am Park?"));
        assertThat(mail.html(), containsString("href=\"" + CheckInFixtures.link(mail) + "\""));
        String link = CheckInFixtures.link(mail);
        String path = link.substring(link.indexOf("/check-in/"));

        Response page = given().get(path);
        assertThat(page.statusCode(), equalTo(200));
        assertStrictHeaders(page);
        assertThat(page.contentType(), startsWith("text/html"));
        assertThat(page.body().asString(), allOf(containsString("<html lang=\"de\">"),
                containsString("<legend>Wasserlassen</legend>"), containsString("name=\"pain\" value=\"10\""),
                containsString("<label class=\"text\" for=\"note\">"), containsString("method=\"post\" action=\"" + path),
                containsString("href=\"/check-in-assets/check-in.css\"")));
        Response css = given().get("/check-in-assets/check-in.css");
        assertThat(css.statusCode(), equalTo(200));
        assertThat(css.contentType(), startsWith("text/css"));
        assertStrictHeaders(css);

        // An incomplete form comes back with what to correct, and nothing is recorded.
        Response incomplete = given().contentType(ContentType.URLENC).formParam("pain", "4").post(path);
        assertThat(incomplete.statusCode(), equalTo(400));
        assertThat(incomplete.body().asString(), allOf(containsString("Bitte prüfen Sie Ihre Antworten"),
                containsString("id=\"urination-error\""), containsString("value=\"4\" checked")));

        Response answered = given().contentType(ContentType.URLENC).formParam("pain", "2")
                .formParam("painSites", "perineum").formParam("painSites", "lower-back")
                .formParam("urination", "normal").formParam("erectileDifficulty", "no")
                .formParam("irritation", "no").formParam("note", "etwas müde").post(path);
        assertThat(answered.statusCode(), equalTo(200));
        assertStrictHeaders(answered);
        assertThat(answered.body().asString(), containsString("Vielen Dank für Ihre Antworten"));

        // Used: the page says so kindly, the form and the API refuse, and no second event is written.
        Response again = given().contentType(ContentType.URLENC).formParam("pain", "9")
                .formParam("urination", "unable").formParam("erectileDifficulty", "no").formParam("irritation", "no")
                .post(path);
        assertThat(again.statusCode(), equalTo(410));
        assertThat(again.body().asString(), containsString("Sie haben diese Nachfrage bereits beantwortet"));
        assertThat(given().get(path).statusCode(), equalTo(410));
        given().contentType(ContentType.JSON).body(answers(9, "unable", false, false))
                .post("/api/v1/check-ins/{token}", CheckInFixtures.token(link))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://courses.health/problems/check-in-answered"));

        ConsumerRecord<String, String> event = awaitEvents(session.courseId(), 1).get(0);
        assertThat(header(event, "ce_type"), equalTo("checkin.answered.v1"));
        assertThat(TestStack.query("""
                select o.type from outbox_event o join check_in c on o.subject = c.id::text where c.session_id = ?""",
                session.sessionId()), equalTo(List.of(Map.of("type", "checkin.answered.v1"))));
        assertThat(TestStack.query("""
                select a.pain, a.pain_sites::text as sites, a.note from check_in_answer a
                  join check_in c on c.id = a.check_in_id where c.session_id = ?""", session.sessionId()),
                equalTo(List.of(Map.of("pain", 2, "sites", "{perineum,lower-back}", "note", "etwas müde"))));
    }

    @Test
    void twoSubmitsAtTheSameMomentRecordOneAnswerAndOneEvent() throws Exception {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "en");
        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));
        String token = tokenFor(address);

        ExecutorService twoPhones = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> submits = twoPhones.invokeAll(List.of(
                    () -> given().contentType(ContentType.JSON).body(answers(9, "normal", false, false))
                            .post("/api/v1/check-ins/{token}", token).statusCode(),
                    () -> given().contentType(ContentType.JSON).body(answers(0, "normal", false, false))
                            .post("/api/v1/check-ins/{token}", token).statusCode()));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> submit : submits) {
                statuses.add(submit.get());
            }
            assertThat(statuses.stream().sorted().toList(), equalTo(List.of(200, 409)));
        } finally {
            twoPhones.shutdownNow();
        }
        assertThat(TestStack.query("select o.type from outbox_event o join check_in c on o.subject = c.id::text"
                + " where c.session_id = ?", session.sessionId()), hasSize(1));
        assertThat(awaitEvents(session.courseId(), 1), hasSize(1));
        // The one answer taken is audited once, in its transaction; the refused one left no entry.
        assertThat(TestStack.query("""
                select l.subject, l.role, l.action from audit_log l join check_in c on l.resource_id = c.id::text
                 where l.resource_type = 'check-in' and c.session_id = ?""", session.sessionId()),
                equalTo(List.of(Map.of("subject", "check-in-link", "role", "patient", "action", "check-in.answered"))));
    }

    @Test
    void aGuessedTokenGetsTheSameNotFoundAsAMissingOne() {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "en");
        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));
        String real = tokenFor(address);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String guessed = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String nearMiss = real.substring(0, 42) + (real.charAt(42) == 'A' ? 'B' : 'A');

        Response missing = given().get("/check-in/{token}", "x");
        assertThat(missing.statusCode(), equalTo(404));
        assertStrictHeaders(missing);
        for (String token : List.of(guessed, nearMiss)) {
            Response page = given().get("/check-in/{token}", token);
            assertThat(page.statusCode(), equalTo(404));
            assertThat(page.body().asString(), equalTo(missing.body().asString()));
            given().contentType(ContentType.URLENC).formParam("pain", "1").formParam("urination", "normal")
                    .formParam("erectileDifficulty", "no").formParam("irritation", "no")
                    .post("/check-in/{token}", token)
                    .then().statusCode(404).body(equalTo(missing.body().asString()));
            given().contentType(ContentType.JSON).body(answers(1, "normal", false, false))
                    .post("/api/v1/check-ins/{token}", token)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("No check-in for this link"));
        }
        assertThat(missing.body().asString(), containsString("This link does not work"));
        // The real one still works.
        assertThat(given().get("/check-in/{token}", real).statusCode(), equalTo(200));
    }

    @Test
    void anExpiredLinkCannotSubmitAndBadInputIsAProblemNamingTheField() {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "en");
        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));
        String token = tokenFor(address);

        given().contentType(ContentType.JSON)
                .body(Map.of("pain", 11, "urination", "sometimes", "erectileDifficulty", false,
                        "painSites", List.of("knee")))
                .post("/api/v1/check-ins/{token}", token)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("pain", "urination", "irritation", "painSites[0]"))
                .body("errors.find { it.field == 'pain' }.rule", equalTo("max"));

        // First sent 73 hours ago: past the 72 hours a link works.
        TestStack.execute("update notification set sent_at = sent_at - interval '73 hours' where session_id = ?",
                session.sessionId());
        Response page = given().get("/check-in/{token}", token);
        assertThat(page.statusCode(), equalTo(410));
        assertThat(page.body().asString(), containsString("This link has expired"));
        given().contentType(ContentType.JSON).body(answers(0, "unable", false, false))
                .post("/api/v1/check-ins/{token}", token)
                .then().statusCode(410).body("type", equalTo("https://courses.health/problems/check-in-expired"));
        assertThat(TestStack.query("""
                select 1 from check_in_answer a join check_in c on c.id = a.check_in_id where c.session_id = ?""",
                session.sessionId()), empty());
    }

    @Test
    void theSameCompletedSessionDeliveredTwicePlansOneCheckIn() {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "en");
        UUID eventId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        var start = endedAMinuteAgo();
        // Same course key, so it is applied after the others: once it is in the inbox, they have been too.
        Session anotherPatientsSession = new Session(clinic.id(), session.courseId(), UUID.randomUUID(),
                UUID.randomUUID());

        // The same event twice, then a re-publish under a new id.
        CourseEvents.publish(completed(session, eventId, start), completed(session, eventId, start),
                completed(session, UUID.randomUUID(), start), completed(anotherPatientsSession, marker, start));

        await().atMost(CheckInFixtures.PATIENCE).until(
                () -> TestStack.query("select 1 from inbox where event_id = ?", marker), rows -> rows.size() == 1);
        assertThat(TestStack.query("select 1 from check_in where session_id = ?", session.sessionId()), hasSize(1));
        assertThat(TestStack.query("select kind from notification where session_id = ? order by kind",
                session.sessionId()), equalTo(List.of(Map.of("kind", "check-in"), Map.of("kind", "check-in-follow-up"))));
        assertThat(checkInMails(address, 1), hasSize(1));
    }

    @Test
    void anUnansweredCheckInGetsOneFollowUpWithTheSameLinkThenIsRecordedUnanswered() throws Exception {
        Clinics clinic = CheckInFixtures.clinic("PT2S");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "en");
        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));

        List<ReceivedMail> mails = checkInMails(address, 2);
        assertThat(mails.stream().map(ReceivedMail::subject).toList(), equalTo(List.of(
                "How are you after your session at Praxis am Park?",
                "Reminder: how are you after your session at Praxis am Park?")));
        assertThat(CheckInFixtures.link(mails.get(1)), equalTo(CheckInFixtures.link(mails.get(0))));

        ConsumerRecord<String, String> event = awaitEvents(session.courseId(), 1).get(0);
        assertThat(header(event, "ce_type"), equalTo("checkin.unanswered.v1"));
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(event.value()).path("severity").asText(),
                equalTo("none"));
        given().auth().oauth2(clinic.token("clinician"))
                .get("/api/v1/courses/{courseId}/check-ins", session.courseId())
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("unanswered"))
                .body("items[0].unansweredAt", notNullValue())
                .body("items[0].events.type", equalTo(List.of("checkin.unanswered.v1")));
        assertThat(TestStack.mailbox(address), hasSize(2));
        given().auth().oauth2(clinic.token("clinician")).queryParam("resourceType", "check-in").get("/api/v1/notification-audit")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("check-in.unanswered")))
                .body("items[0].subject", equalTo("system:check-in-unanswered"))
                .body("items[0].role", equalTo("system"));
    }

    @Test
    void theClinicSeesItsCoursesCheckInsAndAnotherClinicSeesNothing() {
        Clinics clinic = CheckInFixtures.clinic("PT1H");
        Session session = Session.random(clinic.id());
        String address = patient(clinic, session.patientId(), "en");
        CourseEvents.publish(completed(session, UUID.randomUUID(), endedAMinuteAgo()));
        answer(tokenFor(address), answers(8, "normal", false, false));
        awaitEvents(session.courseId(), 1);

        await().atMost(CheckInFixtures.PATIENCE).untilAsserted(() -> given().auth().oauth2(clinic.token("clinician"))
                .get("/api/v1/courses/{courseId}/check-ins", session.courseId())
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].sessionId", equalTo(session.sessionId().toString()))
                .body("items[0].status", equalTo("answered"))
                .body("items[0].answer.pain", equalTo(8))
                .body("items[0].answer.note", equalTo("stays in the clinic"))
                .body("items[0].decision.severity", equalTo("review"))
                .body("items[0].decision.ruleVersion", equalTo(1))
                .body("items[0].decision.escalated", equalTo(true))
                .body("items[0].decision.reasons", equalTo(List.of("pain-at-least-7")))
                .body("items[0].events.type", equalTo(List.of("checkin.escalated.v1")))
                .body("items[0].events[0].publishedAt", notNullValue()));

        Clinics other = Clinics.fresh();
        // issue 19: another clinic's course is not found, as an unknown one is not
        given().auth().oauth2(other.token("clinician"))
                .get("/api/v1/courses/{courseId}/check-ins", session.courseId())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No such course in your clinic"));
        given().auth().oauth2(clinic.token("clinician"))
                .get("/api/v1/courses/{courseId}/check-ins", UUID.randomUUID())
                .then().statusCode(404).body("detail", equalTo("No such course in your clinic"));
        given().auth().oauth2(clinic.token("booking"))
                .get("/api/v1/courses/{courseId}/check-ins", session.courseId())
                .then().statusCode(403);
        given().auth().oauth2(clinic.token("clinician"))
                .get("/api/v1/courses/{courseId}/check-ins?cursor=nonsense", session.courseId())
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void assertStrictHeaders(Response response) {
        assertThat(response.header("Content-Security-Policy"), equalTo(CSP));
        assertThat(response.header("Referrer-Policy"), equalTo("no-referrer"));
        assertThat(response.header("X-Content-Type-Options"), equalTo("nosniff"));
        assertThat(response.header("Cache-Control"), equalTo("no-store"));
    }
}

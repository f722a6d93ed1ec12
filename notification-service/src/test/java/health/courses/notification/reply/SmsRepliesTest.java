package health.courses.notification.reply;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import health.courses.localstack.LocalStackTestResource;
import health.courses.localstack.TopicTap;
import health.courses.localstack.Topics;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents;
import health.courses.notification.SessionEvents.Session;
import health.courses.notification.TestStack;
import health.courses.notification.sms.SmsProviderStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * SMS replies through the real webhook, signed in the test from the documented algorithm (the algorithm itself is
 * checked against the provider's example in {@link TwilioSignatureTest}), against the real PostgreSQL and Kafka: every
 * keyword, the redelivered MessageSid, the forged request, STOP before a reminder, HELP in quiet hours, and the events
 * on patient-checkin-events exactly as their JSON Schemas (contract 1) say.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = SmsProviderStub.class, scope = TestResourceScope.GLOBAL)
class SmsRepliesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The test profile's SMS account token: the account the service sends with signs its webhooks. */
    private static final String AUTH_TOKEN = "test-token";
    private static final String MESSAGES = "/Accounts/AC00000000000000000000000000000000/Messages.json";
    private static final Path SCHEMAS = Path.of("..", "scheduling-service", "src", "main", "resources", "META-INF",
            "resources", "asyncapi", "schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000);
    private static TopicTap<String> events;

    @BeforeAll
    static synchronized void listen() {
        if (events == null) {
            events = TopicTap.strings(TestStack.bootstrapServers(), "patient-checkin-events");
        }
    }

    @Test
    void aReminderSmsEndsWithTheOptionsAndACReplyConfirmsTheNextSessionOnce() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", "PT9M52S");
        String phone = phone();
        Session session = patientWithSession(clinic, phone, "en", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10));
        SmsProviderStub.server().stubFor(post(urlEqualTo(MESSAGES)).withFormParam("To", WireMock.equalTo(phone))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM1\",\"status\":\"queued\"}")));
        String reminder = await().atMost(PATIENCE).until(() -> sentTo(phone), texts -> !texts.isEmpty()).get(0);
        assertThat(reminder, endsWith("Reply C to confirm, R if you need another time, STOP to opt out."));

        String sid = messageSid();
        Response answer = reply(clinic, sid, phone, " c ");
        answer.then().statusCode(200).contentType(containsString("xml"));
        assertThat(answer.asString(), containsString("<Message>Praxis am Park: Thank you, your session on "));
        assertThat(answer.asString(), containsString(" is confirmed.</Message>"));

        ConsumerRecord<String, String> event = awaitEvents(session.courseId(), 1).get(0);
        assertThat(Topics.header(event.headers(), "ce_type"), equalTo("session.confirmation-received.v1"));
        Map<String, Object> stored = TestStack.query("select id, received_at from patient_reply where clinic_id = ?",
                clinic.id()).get(0);
        assertExactPayload(event, session, stored.get("id").toString(), "sms");
        assertThat("no phone number or text on the topic", event.value(), not(containsString(phone)));

        // The provider redelivers the same message: answered, applied nothing.
        Response again = reply(clinic, sid, phone, " c ");
        again.then().statusCode(200);
        assertThat(again.asString(), not(containsString("<Message>")));
        assertThat(TestStack.query("select id from patient_reply where clinic_id = ?", clinic.id()), hasSize(1));
        assertThat(TestStack.query("select id from outbox_event where course_id = ?", session.courseId()), hasSize(1));
    }

    @Test
    void rAsksForAnotherTimeAndThePatientIsToldTheClinicWillCall() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", "PT24H");
        String phone = phone();
        Session session = patientWithSession(clinic, phone, "de", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3));

        Response answer = reply(clinic, messageSid(), phone, "R");
        answer.then().statusCode(200);
        assertThat(answer.asString(), containsString("einen anderen Zeitpunkt brauchen. Die Praxis ruft Sie an."));
        ConsumerRecord<String, String> event = awaitEvents(session.courseId(), 1).get(0);
        assertThat(Topics.header(event.headers(), "ce_type"), equalTo("session.reschedule-requested.v1"));
        assertExactPayload(event, session,
                TestStack.query("select id from patient_reply where clinic_id = ?", clinic.id()).get(0).get("id")
                        .toString(), "sms");
    }

    @Test
    void aForgedOrUnsignedRequestIs403AndChangesNothing() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", "PT24H");
        String phone = phone();
        patientWithSession(clinic, phone, "en", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3));
        Map<String, String> form = form(messageSid(), phone, "STOP");

        given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParams(form)
                .post("/sms/inbound/{clinic}", clinic.id()).then().statusCode(403);
        given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParams(form)
                .header("X-Twilio-Signature", altered(sign(clinic, form)))
                .post("/sms/inbound/{clinic}", clinic.id()).then().statusCode(403);
        // Signed with another token, or for another clinic's URL.
        given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParams(form)
                .header("X-Twilio-Signature", TwilioSignature.of("other-token", url(clinic), multi(form)))
                .post("/sms/inbound/{clinic}", clinic.id()).then().statusCode(403);
        given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParams(form)
                .header("X-Twilio-Signature", sign(Clinics.fresh(), form))
                .post("/sms/inbound/{clinic}", clinic.id()).then().statusCode(403);
        // A parameter added after signing (the signature covers every parameter).
        Map<String, String> more = new LinkedHashMap<>(form);
        more.put("NumMedia", "0");
        given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParams(more)
                .header("X-Twilio-Signature", sign(clinic, form))
                .post("/sms/inbound/{clinic}", clinic.id()).then().statusCode(403);

        assertThat(TestStack.query("select id from patient_reply where clinic_id = ?", clinic.id()), empty());
        assertThat(TestStack.query("select opted_out_channels::text as c from patient_contact where clinic_id = ?",
                clinic.id()).get(0).get("c"), equalTo("{}"));
    }

    @Test
    void stopOptsTheNumberOutOnceAndTheNextReminderIsNotSentAndTheLedgerSaysWhy() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", "PT24H");
        String phone = phone();
        Session first = patientWithSession(clinic, phone, "en", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3));

        Response stop = reply(clinic, messageSid(), phone, "Cancel");
        stop.then().statusCode(200);
        assertThat(stop.asString(), containsString("You are unsubscribed and will receive no more text messages"));
        assertThat(optOuts(clinic, first.patientId()), equalTo(List.of("sms")));
        assertThat("CANCEL never cancels a session",
                TestStack.query("select id from outbox_event where course_id = ?", first.courseId()), empty());
        // One confirmation and nothing after it.
        Response again = reply(clinic, messageSid(), phone, "STOP");
        assertThat(again.asString(), not(containsString("<Message>")));
        Response confirm = reply(clinic, messageSid(), phone, "C");
        assertThat("no answer to an opted-out number", confirm.asString(), not(containsString("<Message>")));

        // A reminder after STOP: planned as skipped, nothing goes to the provider, the ledger says opted-out.
        Session next = first.another();
        CourseEvents.publish(SessionEvents.scheduled(next, OffsetDateTime.now(ZoneOffset.UTC).plusHours(24)
                .plusMinutes(2).truncatedTo(ChronoUnit.SECONDS), 1));
        Map<String, Object> reminder = await().atMost(PATIENCE).until(() -> TestStack.query("""
                select status, status_reason from notification where session_id = ? and channel = 'sms'""",
                next.sessionId()), rows -> !rows.isEmpty()).get(0);
        assertThat(reminder.get("status"), equalTo("skipped"));
        assertThat(reminder.get("status_reason"), equalTo("opted-out"));
        given().auth().oauth2(clinic.token("clinician"))
                .get("/api/v1/patients/{patient}/notifications", first.patientId())
                .then().statusCode(200);
        assertThat(SmsProviderStub.server().findAll(postRequestedFor(urlEqualTo(MESSAGES))
                .withFormParam("To", WireMock.equalTo(phone))), empty());

        Response start = reply(clinic, messageSid(), phone, "start");
        assertThat(start.asString(), containsString("You will receive text messages from us again."));
        assertThat(optOuts(clinic, first.patientId()), empty());
        assertThat(TestStack.query("select action from audit_log where clinic_id = ? order by id", clinic.id())
                .stream().map(row -> row.get("action")).toList(),
                hasItem("contact.sms-opted-out"));
    }

    @Test
    void helpIsAnsweredInQuietHoursAndAConfirmationIsAppliedWithoutAReply() {
        Clinics clinic = Clinics.fresh();
        LocalTime now = OffsetDateTime.now(ZoneId.of("Europe/Berlin")).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        given().auth().oauth2(clinic.token("clinician")).contentType(ContentType.JSON)
                .body(Map.of("clinicName", "Müller & Partner", "reminderOffsets", List.of("PT24H", "PT2H"),
                        "quietHours", Map.of("from", now.minusHours(1).toString(), "to", now.plusHours(1).toString()),
                        "replyTo", "empfang@praxis.example"))
                .put("/api/v1/notification-settings").then().statusCode(200);
        String phone = phone();
        Session session = patientWithSession(clinic, phone, "en", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3));

        Response help = reply(clinic, messageSid(), phone, "help");
        help.then().statusCode(200);
        assertThat(help.asString(), equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                + "Müller &amp; Partner: session reminders and replies. Contact: empfang@praxis.example. Up to 2 messages"
                + " per session. Msg&amp;data rates may apply. Reply STOP to unsubscribe.</Message></Response>"));

        Response confirm = reply(clinic, messageSid(), phone, "CONFIRM");
        assertThat(confirm.asString(), not(containsString("<Message>")));
        assertThat(Topics.header(awaitEvents(session.courseId(), 1).get(0).headers(), "ce_type"),
                equalTo("session.confirmation-received.v1"));
    }

    @Test
    void anyOtherTextIsKeptEncryptedForTheClinicsCliniciansOnly() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", "PT24H");
        String phone = phone();
        Session session = patientWithSession(clinic, phone, "en", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3));
        String text = "Running 10 minutes late, sorry " + UUID.randomUUID();

        Response answer = reply(clinic, messageSid(), phone, text);
        assertThat(answer.asString(), containsString("your message has been passed on to the clinic"));
        Map<String, Object> stored = TestStack.query("select encode(ciphertext, 'escape') as c from patient_message"
                + " where clinic_id = ?", clinic.id()).get(0);
        assertThat(stored.get("c").toString(), not(containsString("Running")));
        given().auth().oauth2(clinic.token("clinician"))
                .get("/api/v1/patients/{patient}/messages", session.patientId())
                .then().statusCode(200).body("items.text", equalTo(List.of(text)));
        given().auth().oauth2(clinic.token("booking"))
                .get("/api/v1/patients/{patient}/messages", session.patientId()).then().statusCode(403);
        given().auth().oauth2(Clinics.fresh().token("clinician"))
                .get("/api/v1/patients/{patient}/messages", session.patientId()).then().statusCode(404);
        assertThat(TestStack.query("select id from outbox_event where course_id = ?", session.courseId()), empty());

        // A number no contact of the clinic has: told so, nothing kept.
        Response unknown = reply(clinic, messageSid(), phone(), "Hello?");
        assertThat(unknown.asString(), containsString("We could not match this number to a patient."));
        assertThat(TestStack.query("select id from patient_message where clinic_id = ?", clinic.id()), hasSize(1));
    }

    /** A contact with this phone (SMS preferred) and one scheduled session, applied by the consumer. */
    private static Session patientWithSession(Clinics clinic, String phone, String language, OffsetDateTime start) {
        Session session = Session.random(clinic.id());
        clinic.contact(session.patientId(), Map.of("email", "patient-" + session.patientId() + "@example.org",
                "phone", phone, "language", language, "preferredChannels", List.of("sms")));
        CourseEvents.publish(SessionEvents.scheduled(session, start.truncatedTo(ChronoUnit.SECONDS), 1));
        await().atMost(PATIENCE).until(() -> TestStack.query("select 1 from session_state where session_id = ?",
                session.sessionId()), rows -> !rows.isEmpty());
        return session;
    }

    private static Response reply(Clinics clinic, String messageSid, String from, String body) {
        Map<String, String> form = form(messageSid, from, body);
        return given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParams(form)
                .header("X-Twilio-Signature", sign(clinic, form))
                .post("/sms/inbound/{clinic}", clinic.id());
    }

    /** As the provider posts it, with parameters we do not read (they are signed all the same). */
    private static Map<String, String> form(String messageSid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", messageSid);
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("From", from);
        form.put("To", "+15005550006");
        form.put("Body", body);
        form.put("NumSegments", "1");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    private static String sign(Clinics clinic, Map<String, String> form) {
        return TwilioSignature.of(AUTH_TOKEN, url(clinic), multi(form));
    }

    /** One character changed: the first, to another Base64 character. */
    private static String altered(String signature) {
        return (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    }

    private static String url(Clinics clinic) {
        return "http://localhost:" + RestAssured.port + "/sms/inbound/" + clinic.id();
    }

    private static Map<String, List<String>> multi(Map<String, String> form) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        form.forEach((name, value) -> multi.put(name, List.of(value)));
        return multi;
    }

    private static String phone() {
        return "+49151" + String.format("%08d", NUMBERS.incrementAndGet() % 100_000_000);
    }

    private static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static List<String> optOuts(Clinics clinic, UUID patient) {
        return given().auth().oauth2(clinic.token("booking")).get("/api/v1/patients/{patientId}/contact", patient)
                .then().statusCode(200).extract().jsonPath().getList("optOuts.channels", String.class);
    }

    private static List<String> sentTo(String phone) {
        return SmsProviderStub.server().findAll(postRequestedFor(urlEqualTo(MESSAGES))
                .withFormParam("To", WireMock.equalTo(phone))).stream()
                .map(request -> request.formParameters().get("Body").firstValue()).toList();
    }

    static List<ConsumerRecord<String, String>> awaitEvents(UUID courseId, int count) {
        listen();
        return await().atMost(PATIENCE).until(() -> events.stream()
                .filter(record -> courseId.toString().equals(record.key())).toList(), found -> found.size() >= count);
    }

    /** Exactly the contract's seven members, valid against the schema scheduling-service serves. */
    static void assertExactPayload(ConsumerRecord<String, String> event, Session session, String replyId,
            String channel) {
        try {
            String type = Topics.header(event.headers(), "ce_type");
            JsonNode data = JSON.readTree(event.value());
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                    Files.readString(SCHEMAS.resolve(type + ".json")),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build()).validate(data), empty());
            List<String> names = new java.util.ArrayList<>();
            data.fieldNames().forEachRemaining(names::add);
            // The outbox keeps the payload as jsonb, which orders members its own way: compare them as a set.
            names.sort(null);
            assertThat(names, is(List.of("channel", "clinicId", "courseId", "patientId", "receivedAt", "replyId",
                    "sessionId")));
            assertThat(data.path("clinicId").asText(), equalTo(session.clinicId().toString()));
            assertThat(data.path("courseId").asText(), equalTo(session.courseId().toString()));
            assertThat(data.path("sessionId").asText(), equalTo(session.sessionId().toString()));
            assertThat(data.path("patientId").asText(), equalTo(session.patientId().toString()));
            assertThat(data.path("replyId").asText(), equalTo(replyId));
            assertThat(data.path("channel").asText(), equalTo(channel));
            assertThat(event.key(), equalTo(session.courseId().toString()));
            assertThat(Topics.header(event.headers(), "ce_subject"), equalTo(replyId));
            assertThat(Topics.header(event.headers(), "ce_source"), equalTo("/notification-service"));
            assertThat(Topics.header(event.headers(), "ce_specversion"), equalTo("1.0"));
        } catch (java.io.IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }
}

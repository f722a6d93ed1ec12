package health.courses.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 18 end to end through the packaged services: a patient booked with SMS as their channel gets the reminder
 * (through the local profile's log-only SMS gateway, the stubbed provider), answers "C" to the clinic's number, the
 * webhook answers with the confirmation, session.confirmation-received.v1 is on patient-checkin-events, and
 * scheduling-service shows the session {@code confirmation: confirmed} in the course and in the agenda within seconds.
 */
@SystemTest
class SmsReplyConfirmsTheSessionTest {

    private static final Duration WITHIN = Duration.ofSeconds(45);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aCReplyToTheReminderConfirmsTheSessionInTheAgenda(SystemUnderTest system) throws Exception {
        String clinicId = UUID.randomUUID().toString();
        String token = system.token(clinicId, "booking", "clinician");
        String phone = "+49152" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        // ClinicApi books on the coming Monday at 10:00 in Berlin: one reminder offset puts its reminder 20 s from
        // now, late enough that the booking's events reach notification-service first (else it is past-due).
        ZonedDateTime first = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .atTime(LocalTime.of(10, 0)).atZone(BERLIN);
        Duration offset = Duration.between(Instant.now().plusSeconds(20), first.toInstant())
                .truncatedTo(ChronoUnit.SECONDS);
        given().baseUri(system.notificationUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("clinicName", "Praxis SMS", "reminderOffsets", List.of(offset.toString()),
                        "quietHours", Map.of("from", "00:00", "to", "00:00")))
                .put("/api/v1/notification-settings").then().statusCode(200);
        ClinicApi clinic = new ClinicApi(system::schedulingUrl, token);
        String patient = clinic.registerEvaluatedPatient("chronic-prostatitis");
        given().baseUri(system.notificationUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", "sms-" + patient + "@example.test", "phone", phone, "language", "en",
                        "zone", "Europe/Berlin", "preferredChannels", List.of("sms")))
                .put("/api/v1/patients/{id}/contact", patient).then().statusCode(201);
        ClinicApi.Booked booked = clinic.bookCourse(patient);
        String session = booked.sessionIds().get(0);

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> given()
                .baseUri(system.notificationUrl()).auth().oauth2(token)
                .get("/api/v1/patients/{id}/notifications", patient).then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.kind == 'session-reminder' && it.channel == 'sms' }.status", String.class)
                .contains("sent"));

        try (TopicReader topic = new TopicReader(system.kafkaBootstrapServers(), "patient-checkin-events")) {
            String answer = SmsReplies.send(system, clinicId, phone, "C").then().statusCode(200).extract().asString();
            assertThat(answer, containsString("is confirmed.</Message>"));
            ConsumerRecord<String, String> event = topic.find(record -> booked.courseId().equals(record.key())
                    && TopicReader.header(record, "ce_type").filter("session.confirmation-received.v1"::equals)
                            .isPresent(), WITHIN)
                    .orElseThrow(() -> new AssertionError("no session.confirmation-received.v1 for the course"));
            JsonPath data = JsonPath.from(event.value());
            assertThat(data.getString("sessionId"), equalTo(session));
            assertThat(data.getString("patientId"), equalTo(patient));
            assertThat(data.getString("channel"), equalTo("sms"));
            assertThat(event.value(), not(containsString(phone)));
        }

        // Contract 2 (scheduling-service, helper replies-sched): the session's confirmation in the course and agenda.
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> given()
                .baseUri(system.schedulingUrl()).auth().oauth2(token)
                .get("/api/v1/courses/{id}", booked.courseId()).then().statusCode(200).extract().jsonPath()
                .getString("sessions.find { it.id == '" + session + "' }.confirmation"), "confirmed"::equals);
        List<String> confirmedInAgenda = given().baseUri(system.schedulingUrl()).auth().oauth2(token)
                .queryParam("from", first.toLocalDate().toString())
                .queryParam("to", first.toLocalDate().plusDays(1).toString())
                .queryParam("confirmation", "confirmed")
                .get("/api/v1/sessions").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(confirmedInAgenda.contains(session), equalTo(true));
    }
}

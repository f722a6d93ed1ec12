package health.courses.notification.patient;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 19: notification-service learns whose patients and courses are whose from scheduling's events and answers
 * another clinic's ids with 404 on the contact, the notifications and the check-ins, as it answers an unknown id.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ClinicPatientsTest {

    private static final String CONTACT = "/api/v1/patients/{patientId}/contact";
    private static final String NOTIFICATIONS = "/api/v1/patients/{patientId}/notifications";
    private static final String CHECK_INS = "/api/v1/courses/{courseId}/check-ins";

    @Test
    void aRegisteredPatientIsTheirClinicsAloneOnEveryOperation() {
        Clinics a = Clinics.fresh();
        Clinics b = Clinics.fresh();
        UUID patient = UUID.randomUUID();
        CourseEvents.publish(registered(UUID.randomUUID(), a.id(), patient));
        awaitOwner(patient, a.id());

        given().auth().oauth2(a.token("clinician")).get(NOTIFICATIONS, patient)
                .then().statusCode(200).body("items", hasSize(0));
        a.contact(patient, Map.of("email", "own@example.org"));

        given().auth().oauth2(b.token("booking")).contentType(ContentType.JSON).body(Map.of("email", "b@example.org"))
                .put(CONTACT, patient).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://courses.health/problems/not-found"));
        given().auth().oauth2(b.token("booking")).get(CONTACT, patient).then().statusCode(404)
                .body("detail", equalTo("No contact on file for this patient"));
        given().auth().oauth2(b.token("clinician")).get(NOTIFICATIONS, patient).then().statusCode(404)
                .body("detail", equalTo("No such patient in your clinic"));
        // A's contact is as A put it
        given().auth().oauth2(a.token("booking")).get(CONTACT, patient).then().statusCode(200)
                .body("email", equalTo("own@example.org"));
        assertEquals(List.of(Map.of("clinic_id", a.id())), TestStack.query(
                "select clinic_id from patient_contact where patient_id = ?", patient));
    }

    @Test
    void aCourseEventTeachesThePatientAndTheCourseOfAPatientRegisteredBeforeTheEventExisted() {
        Clinics a = Clinics.fresh();
        Clinics b = Clinics.fresh();
        UUID patient = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        CourseEvents.publish(CourseEvents.courseScheduled(UUID.randomUUID(), a.id(), course, patient));
        awaitOwner(patient, a.id());

        given().auth().oauth2(a.token("clinician")).get(CHECK_INS, course).then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(b.token("clinician")).get(CHECK_INS, course).then().statusCode(404)
                .body("detail", equalTo("No such course in your clinic"));
        given().auth().oauth2(b.token("clinician")).get(NOTIFICATIONS, patient).then().statusCode(404);
    }

    @Test
    void theContactIsAcceptedBeforeTheRegistrationArrivesAndTheRegistrationConfirmsIt() {
        Clinics a = Clinics.fresh();
        Clinics b = Clinics.fresh();
        UUID patient = UUID.randomUUID();
        // The clinic puts the contact right after registering, before patient.registered.v1 is consumed.
        a.contact(patient, Map.of("email", "early@example.org"));
        assertEquals(List.of(Map.of("clinic_id", a.id(), "confirmed", false)), owner(patient));
        // Until then another clinic cannot take the id over either.
        given().auth().oauth2(b.token("booking")).contentType(ContentType.JSON).body(Map.of("email", "b@example.org"))
                .put(CONTACT, patient).then().statusCode(404);

        CourseEvents.publish(registered(UUID.randomUUID(), a.id(), patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> owner(patient),
                rows -> rows.equals(List.of(Map.of("clinic_id", a.id(), "confirmed", true))));
        given().auth().oauth2(a.token("booking")).get(CONTACT, patient).then().statusCode(200)
                .body("email", equalTo("early@example.org"));
    }

    @Test
    void aContactAnotherClinicClaimedBeforeTheRegistrationIsDroppedByIt() {
        Clinics a = Clinics.fresh();
        Clinics b = Clinics.fresh();
        UUID patient = UUID.randomUUID();
        b.contact(patient, Map.of("email", "squatter@example.org"));

        CourseEvents.publish(registered(UUID.randomUUID(), a.id(), patient));
        awaitOwner(patient, a.id());
        assertEquals(List.of(), TestStack.query("select clinic_id from patient_contact where patient_id = ?", patient));
        given().auth().oauth2(b.token("booking")).get(CONTACT, patient).then().statusCode(404);
        a.contact(patient, Map.of("email", "own@example.org"));
    }

    @Test
    void anUnknownTypeIsIgnoredNotDeadLetteredAndABadRegistrationIsDeadLettered() {
        Clinics a = Clinics.fresh();
        UUID patient = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        CourseEvents.publish(
                CourseEvents.event(unknown, "patient.renamed.v9", patient, "{\"anything\":1}".getBytes(StandardCharsets.UTF_8)),
                CourseEvents.event(bad, PatientRegistered.TYPE, patient,
                        ("{\"clinicId\":\"" + a.id() + "\",\"patientId\":\"not-an-id\"}").getBytes(StandardCharsets.UTF_8)),
                registered(UUID.randomUUID(), a.id(), patient));
        awaitOwner(patient, a.id());
        // the unknown type went through the inbox (consumed, nothing to do); the bad registration did not
        assertEquals(1, TestStack.query("select 1 from inbox where event_id = ?", unknown).size());
        assertEquals(0, TestStack.query("select 1 from inbox where event_id = ?", bad).size());
    }

    static ProducerRecord<String, byte[]> registered(UUID eventId, UUID clinicId, UUID patientId) {
        ProducerRecord<String, byte[]> record = CourseEvents.event(eventId, PatientRegistered.TYPE, patientId,
                """
                {"clinicId":"%s","patientId":"%s","registeredAt":"2027-03-22T08:15:30.123456Z"}"""
                        .formatted(clinicId, patientId).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static List<Map<String, Object>> owner(UUID patient) {
        return TestStack.query("select clinic_id, confirmed from clinic_patient where patient_id = ?", patient);
    }

    private static void awaitOwner(UUID patient, UUID clinic) {
        await().atMost(Duration.ofSeconds(30)).until(() -> owner(patient),
                rows -> rows.equals(List.of(Map.of("clinic_id", clinic, "confirmed", true))));
    }
}

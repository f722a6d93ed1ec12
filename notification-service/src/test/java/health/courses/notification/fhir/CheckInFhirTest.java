package health.courses.notification.fhir;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents;
import health.courses.notification.SessionEvents.Session;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.junit.jupiter.api.Test;

/**
 * An EHR reads the check-in through FHIR with HAPI's generic client: the questions as a Questionnaire in the clinic's
 * languages, and each answer, given by the patient on the real path (session.completed.v1, the link from the mail,
 * the JSON answer), as a QuestionnaireResponse found by patient and by course. Every resource read is valid R4.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CheckInFhirTest {

    private static final Pattern LINK = Pattern.compile("/check-in/([A-Za-z0-9_-]{43})");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anEhrReadsTheQuestionsAndEachAnswerByPatientAndByCourse() {
        Clinics clinic = clinicInGermanAndEnglish();
        Session first = Session.random(clinic.id());
        Session second = first.another();
        List<String> tokens = answeredLater(clinic, first, second);
        answer(tokens.get(0), Map.of("pain", 7, "painSites", List.of("perineum", "rectum"), "urination", "some-difficulty",
                "erectileDifficulty", false, "irritation", true, "note", "stays in the clinic"));
        answer(tokens.get(1), Map.of("pain", 0, "painSites", List.of(), "urination", "normal",
                "erectileDifficulty", false, "irritation", false));
        IGenericClient ehr = Ehr.client(clinic.token("clinician"));

        Ehr.valid(ehr.capabilities().ofType(CapabilityStatement.class).execute());
        Bundle found = Ehr.valid(ehr.search().forResource(Questionnaire.class)
                .where(Questionnaire.URL.matches().value(CheckInQuestionnaire.URL)).returnBundle(Bundle.class).execute());
        Questionnaire questionnaire = (Questionnaire) found.getEntryFirstRep().getResource();
        assertEquals(1, found.getEntry().size());
        assertEquals("1", questionnaire.getVersion(), "the triage rules' version");
        assertEquals("Schmerzen oder Wundgefühl im Moment", questionnaire.getItemFirstRep().getTextElement()
                .getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/translation").getExtensionString("content"));
        assertEquals(questionnaire.getItem().stream().map(item -> item.getLinkId()).toList(),
                List.of("pain", "painSites", "urination", "erectileDifficulty", "irritation", "note"));
        Ehr.valid(ehr.read().resource(Questionnaire.class).withId("check-in-1").execute());

        Bundle byPatient = Ehr.valid(ehr.search().forResource(QuestionnaireResponse.class)
                .where(QuestionnaireResponse.PATIENT.hasId("Patient/" + first.patientId())).returnBundle(Bundle.class)
                .execute());
        Bundle byCourse = Ehr.valid(ehr.search().forResource(QuestionnaireResponse.class)
                .where(QuestionnaireResponse.BASED_ON.hasId("ServiceRequest/" + first.courseId()))
                .returnBundle(Bundle.class).execute());
        assertEquals(2, byPatient.getEntry().size());
        assertEquals(ids(byPatient), ids(byCourse));
        // The ids are the REST API's check-in ids.
        List<String> rest = given().auth().oauth2(clinic.token("clinician"))
                .get("/api/v1/courses/{id}/check-ins", first.courseId()).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        assertEquals(rest.stream().sorted().toList(), ids(byCourse).stream().sorted().toList());

        QuestionnaireResponse painful = ids(byCourse).stream()
                .map(id -> Ehr.valid(ehr.read().resource(QuestionnaireResponse.class).withId(id).execute()))
                .filter(response -> response.getItemFirstRep().getAnswerFirstRep().getValueIntegerType().getValue() == 7)
                .findFirst().orElseThrow();
        assertEquals(CheckInQuestionnaire.URL + "|1", painful.getQuestionnaire());
        assertEquals(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED, painful.getStatus());
        assertEquals("Patient/" + first.patientId(), painful.getSubject().getReference());
        assertEquals("ServiceRequest/" + first.courseId(), painful.getBasedOnFirstRep().getReference());
        assertEquals(List.of("perineum", "rectum"), item(painful, "painSites").getAnswer().stream()
                .map(answer -> answer.getValueCoding().getCode()).toList());
        Coding urination = item(painful, "urination").getAnswerFirstRep().getValueCoding();
        assertEquals(CheckInQuestionnaire.URINATION + "#some-difficulty", urination.getSystem() + "#" + urination.getCode());
        assertEquals(true, item(painful, "irritation").getAnswerFirstRep().getValueBooleanType().getValue());
        assertEquals("stays in the clinic", item(painful, "note").getAnswerFirstRep().getValueStringType().getValue());
        // Each answered item is a question of the Questionnaire, with an answer of the item's type.
        painful.getItem().forEach(answered -> assertEquals(1, questionnaire.getItem().stream()
                .filter(asked -> asked.getLinkId().equals(answered.getLinkId())
                        && asked.getType().toCode().replace("choice", "Coding").replace("text", "string")
                                .equalsIgnoreCase(answered.getAnswerFirstRep().getValue().fhirType()))
                .count(), answered.getLinkId()));
    }

    @Test
    void anotherClinicFindsNothingAndReadsNotFound() {
        Clinics clinic = clinicInGermanAndEnglish();
        Session session = Session.random(clinic.id());
        answer(answeredLater(clinic, session).get(0), Map.of("pain", 2, "urination", "normal",
                "erectileDifficulty", false, "irritation", false));
        String id = given().auth().oauth2(clinic.token("clinician")).get("/api/v1/courses/{id}/check-ins",
                session.courseId()).then().statusCode(200).extract().jsonPath().getString("items[0].id");

        IGenericClient stranger = Ehr.client(Clinics.fresh().token("clinician"));
        assertEquals("not-found", Ehr.refused(404, () -> stranger.read().resource(QuestionnaireResponse.class)
                .withId(id).execute()).getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
        assertEquals(0, Ehr.valid(stranger.search().forResource(QuestionnaireResponse.class)
                .where(QuestionnaireResponse.PATIENT.hasId("Patient/" + session.patientId()))
                .returnBundle(Bundle.class).execute()).getEntry().size());
        assertEquals(0, Ehr.valid(stranger.search().forResource(QuestionnaireResponse.class)
                .where(QuestionnaireResponse.BASED_ON.hasId("ServiceRequest/" + session.courseId()))
                .returnBundle(Bundle.class).execute()).getEntry().size());
        // The answers are for clinicians, as the REST API's check-ins: the booking desk is refused.
        IGenericClient desk = Ehr.client(clinic.token("booking"));
        assertThrows(ForbiddenOperationException.class,
                () -> desk.read().resource(QuestionnaireResponse.class).withId(id).execute());
        Ehr.refused(400, () -> Ehr.client(clinic.token("clinician")).search().forResource(QuestionnaireResponse.class)
                .returnBundle(Bundle.class).execute());
    }

    /** Check-ins due a second after the session, no quiet hours, the patient's messages in German. */
    private static Clinics clinicInGermanAndEnglish() {
        Clinics clinic = Clinics.fresh();
        given().auth().oauth2(clinic.token("clinician")).contentType(ContentType.JSON)
                .body(Map.of("clinicName", "Praxis am Park", "reminderOffsets", List.of("PT24H"),
                        "quietHours", Map.of("from", "00:00", "to", "00:00"), "languages", List.of("de", "en"),
                        "checkIn", Map.of("after", "PT1S"), "followUpDelay", "PT1H"))
                .put("/api/v1/notification-settings").then().statusCode(200);
        return clinic;
    }

    /** The sessions took place half an hour ago; returns the check-in links' tokens from the patient's mails. */
    private static List<String> answeredLater(Clinics clinic, Session... sessions) {
        String address = "patient-" + sessions[0].patientId() + "@example.org";
        clinic.contact(sessions[0].patientId(), Map.of("email", address, "language", "de", "zone", "Europe/Berlin"));
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(31).truncatedTo(ChronoUnit.SECONDS);
        for (Session session : sessions) {
            CourseEvents.publish(SessionEvents.session(UUID.randomUUID(), "session.completed.v1", session, start, 0,
                    "completed", 2, null));
        }
        return await().atMost(PATIENCE).until(() -> TestStack.mailbox(address).stream()
                .map(mail -> LINK.matcher(mail.text() == null ? "" : mail.text())).filter(Matcher::find)
                .map(matcher -> matcher.group(1)).distinct().toList(), found -> found.size() >= sessions.length);
    }

    private static void answer(String token, Map<String, Object> answers) {
        given().contentType(ContentType.JSON).body(answers).post("/api/v1/check-ins/{token}", token)
                .then().statusCode(200);
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
    }

    private static QuestionnaireResponseItemComponent item(QuestionnaireResponse response, String linkId) {
        return response.getItem().stream().filter(item -> linkId.equals(item.getLinkId())).findFirst().orElseThrow();
    }
}

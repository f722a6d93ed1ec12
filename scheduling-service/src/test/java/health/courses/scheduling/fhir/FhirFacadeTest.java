package health.courses.scheduling.fhir;

import static health.courses.scheduling.support.Topics.header;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.TestClinic;
import health.courses.scheduling.support.TestClock;
import health.courses.scheduling.support.Topics;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;

/**
 * An EHR's view: it books a whole course through FHIR, follows and changes its appointments, and sees through the
 * REST API, the topic and the audit log exactly what a REST booking leaves.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class FhirFacadeTest {

    private static final String TOPIC = "treatment-course-events";
    /** Monday; Mon/Wed/Fri at 10:00 for 4 weeks: session 9 is Friday 9 April. */
    private static final LocalDate START = LocalDate.of(2027, 3, 22);

    @Test
    void booksACourseThenCancelsAndMovesAppointmentsAsTheRestApiDoes() {
        TestClinic clinic = TestClinic.fresh();
        FhirClient fhir = new FhirClient(clinic.token("booking", "clinician"));
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        String patient = readyPatient(clinic, fhir, START.minusDays(7), "chronic-prostatitis");

        FhirClient.read(fhir.get("metadata"), 200, CapabilityStatement.class);
        Patient read = FhirClient.read(fhir.get("Patient/" + patient), 200, Patient.class);
        assertFalse(read.hasName() || read.hasTelecom(), "names and telecom are not stored");
        assertEquals("Europe/Berlin", read.getExtensionByUrl(FhirCodes.TIME_ZONE).getValue().primitiveValue());
        FhirClient.read(fhir.get("Practitioner/" + practitioner), 200, Practitioner.class);
        FhirClient.read(fhir.get("Location/" + room), 200, Location.class);
        Bundle evaluations = FhirClient.read(fhir.get("ClinicalImpression?patient=Patient/" + patient), 200, Bundle.class);
        ClinicalImpression evaluation = (ClinicalImpression) evaluations.getEntryFirstRep().getResource();
        assertEquals(1, evaluations.getEntry().size());
        assertEquals("chronic-prostatitis", evaluation.getFindingFirstRep().getItemCodeableConcept().getCodingFirstRep()
                .getCode());

        Response booked = fhir.post("ServiceRequest/$book-course", bookCourse(patient, practitioner, room));
        Bundle bundle = FhirClient.read(booked, 201, Bundle.class);
        ServiceRequest course = (ServiceRequest) bundle.getEntryFirstRep().getResource();
        String courseId = course.getIdElement().getIdPart();
        List<Appointment> appointments = bundle.getEntry().stream().skip(1)
                .map(entry -> (Appointment) entry.getResource()).toList();
        assertEquals(12, appointments.size());
        appointments.forEach(appointment -> {
            assertEquals(AppointmentStatus.BOOKED, appointment.getStatus());
            assertEquals("ServiceRequest/" + courseId, appointment.getBasedOnFirstRep().getReference());
        });
        assertEquals(3, ((Timing) FhirClient.read(fhir.get("ServiceRequest/" + courseId), 200, ServiceRequest.class)
                .getOccurrence()).getRepeat().getFrequency());

        // The same course and sessions through the REST API: same ids, same starts.
        JsonPath rest = given().auth().oauth2(clinic.bookingToken()).get("/api/v1/courses/{id}", courseId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(appointments.stream().map(appointment -> appointment.getIdElement().getIdPart()).toList(),
                rest.getList("sessions.id"));
        for (int i = 0; i < 12; i++) {
            assertEquals(OffsetDateTime.parse(rest.getString("sessions[" + i + "].start")).toInstant(),
                    appointments.get(i).getStart().toInstant());
        }
        Bundle found = FhirClient.read(fhir.get("Appointment?patient=Patient/" + patient), 200, Bundle.class);
        assertEquals(12, found.getEntry().size());

        // Cancel session 2 by the patient, then move session 3 an hour later, each with the version just read.
        String second = appointments.get(1).getIdElement().getIdPart();
        Response current = fhir.get("Appointment/" + second);
        Appointment cancel = FhirClient.read(current, 200, Appointment.class);
        cancel.setStatus(AppointmentStatus.CANCELLED).setCancelationReason(new CodeableConcept(
                new Coding(AppointmentFhirResource.CANCELLATION_REASONS, "pat", "Patient")));
        Appointment cancelled = FhirClient.read(put(fhir, second, cancel, current.header("ETag")), 200, Appointment.class);
        assertEquals(AppointmentStatus.CANCELLED, cancelled.getStatus());

        String third = appointments.get(2).getIdElement().getIdPart();
        Appointment move = FhirClient.read(fhir.get("Appointment/" + third), 200, Appointment.class);
        Instant later = move.getStart().toInstant().plus(Duration.ofHours(1));
        move.setStart(Date.from(later)).setEnd(Date.from(later.plus(Duration.ofMinutes(30))));
        // The version read before the cancel is stale now: 412, and nothing moves.
        assertRefused(put(fhir, third, move, current.header("ETag")), 412, "version-mismatch", List.of());
        Appointment moved = FhirClient.read(put(fhir, third, move, "W/\"" + move.getMeta().getVersionId() + "\""),
                200, Appointment.class);
        assertEquals(later, moved.getStart().toInstant());

        JsonPath after = given().auth().oauth2(clinic.bookingToken()).get("/api/v1/courses/{id}", courseId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("cancelled", after.getString("sessions.find { it.id == '" + second + "' }.status"));
        assertEquals(later, OffsetDateTime.parse(after.getString("sessions.find { it.id == '" + third + "' }.start"))
                .toInstant());

        // The same events as the REST API: the booking, the cancel with its make-up, the move.
        List<String> types = Topics.read(TOPIC, event -> courseId.equals(event.key()), 16, Duration.ZERO).stream()
                .map(event -> header(event, "ce_type")).toList();
        assertEquals("course.scheduled.v1", types.get(0));
        assertEquals(List.of("session.cancelled.v1", "session.scheduled.v1", "session.rescheduled.v1"),
                types.subList(13, 16));
        // And the same audit entries.
        JsonPath audit = given().auth().oauth2(clinic.token("clinician")).accept(ContentType.JSON)
                .get("/api/v1/audit?resourceId=" + courseId).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("course.booked"), audit.getList("items.action"));
        JsonPath movedAudit = given().auth().oauth2(clinic.token("clinician")).accept(ContentType.JSON)
                .get("/api/v1/audit?resourceId=" + third).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("session.rescheduled"), movedAudit.getList("items.action"));
    }

    @Test
    void refusesAContraindicationAnExpiredEvaluationAndATakenNinthSessionWritingNothing() {
        TestClinic clinic = TestClinic.fresh();
        FhirClient fhir = new FhirClient(clinic.token("booking", "clinician"));
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID other = clinic.addPractitioner("Dr. Roth");
        UUID room = clinic.addRoom("Room 1");

        String acute = readyPatient(clinic, fhir, START.minusDays(7), "acute-prostatitis");
        // a literal $, as HAPI's client sends it (the other calls let REST Assured percent-encode it)
        assertRefused(fhir.request().urlEncodingEnabled(false)
                .body(FhirClient.CONTEXT.newJsonParser().encodeResourceToString(bookCourse(acute, practitioner, room)))
                .post("/fhir/r4/ServiceRequest/$book-course"), 422, "contraindicated", List.of());
        String stale = readyPatient(clinic, fhir, START.minusDays(40), "chronic-prostatitis");
        assertRefused(fhir.post("ServiceRequest/$book-course", bookCourse(stale, practitioner, room)), 422,
                "evaluation-expired", List.of());

        // Another course takes the room on Friday 9 April at 10:00 only: the 9th session of the new course.
        String blocker = readyPatient(clinic, fhir, LocalDate.of(2027, 4, 5), "chronic-prostatitis");
        ServiceRequest tuesdaysAndThursdays = serviceRequest(blocker, other, room, LocalDate.of(2027, 4, 12), 2,
                Timing.DayOfWeek.TUE, Timing.DayOfWeek.THU);
        Bundle blocking = FhirClient.read(fhir.post("ServiceRequest/$book-course", tuesdaysAndThursdays), 201, Bundle.class);
        String first = blocking.getEntry().get(1).getResource().getIdElement().getIdPart();
        given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("start", "2027-04-09T10:00", "reason", "patient-request"))
                .post("/api/v1/sessions/{id}/reschedule", first).then().statusCode(200);
        String patient = readyPatient(clinic, fhir, START.minusDays(7), "chronic-prostatitis");
        OperationOutcome taken = assertRefused(fhir.post("ServiceRequest/$book-course",
                bookCourse(patient, practitioner, room)), 409, "slot-taken", List.of());
        assertEquals(2, taken.getIssue().size(), "one issue for the refusal, one per conflicting session");
        assertTrue(taken.getIssue().get(1).getDetails().getText().startsWith("session 9 at 2027-04-09T10:00"),
                taken.getIssue().get(1).getDetails().getText());
        assertEquals("room-busy", taken.getIssue().get(1).getDetails().getCodingFirstRep().getCode());

        for (String refused : List.of(acute, stale, patient)) {
            assertEquals(List.of(), given().auth().oauth2(clinic.bookingToken()).get("/api/v1/courses?patientId=" + refused)
                    .then().statusCode(200).extract().jsonPath().getList("items"), "nothing was booked");
        }
    }

    @Test
    void refusesABadRequestNamingTheFhirElement() {
        TestClinic clinic = TestClinic.fresh();
        FhirClient fhir = new FhirClient(clinic.bookingToken());
        ServiceRequest fourTimes = serviceRequest(UUID.randomUUID().toString(), UUID.randomUUID(), UUID.randomUUID(),
                START, 4, Timing.DayOfWeek.MON);
        // 4 a week on one weekday: both rules of the REST API, each at its FHIR element
        assertRefused(fhir.post("ServiceRequest/$book-course", fourTimes), 400, "validation",
                List.of("ServiceRequest.occurrenceTiming.repeat.frequency", "ServiceRequest.occurrenceTiming.repeat.dayOfWeek"));
        assertRefused(fhir.post("Patient", new Patient()), 400, "validation",
                // in the REST API's order (externalReference, language, zone), each at its FHIR element
                List.of("Patient.identifier", "Patient.communication.language",
                        "Patient.extension('" + FhirCodes.TIME_ZONE + "')"));
    }

    @Test
    void anotherClinicReadsNoneOfItAndGetsNotFound() {
        TestClinic clinic = TestClinic.fresh();
        FhirClient fhir = new FhirClient(clinic.token("booking", "clinician"));
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        String patient = readyPatient(clinic, fhir, START.minusDays(7), "chronic-prostatitis");
        Bundle bundle = FhirClient.read(fhir.post("ServiceRequest/$book-course", bookCourse(patient, practitioner, room)),
                201, Bundle.class);

        FhirClient stranger = new FhirClient(TestClinic.fresh().token("booking", "clinician", "operator"));
        for (String path : List.of("Patient/" + patient, "Practitioner/" + practitioner, "Location/" + room,
                "ServiceRequest/" + bundle.getEntry().get(0).getResource().getIdElement().getIdPart(),
                "Appointment/" + bundle.getEntry().get(1).getResource().getIdElement().getIdPart())) {
            assertRefused(stranger.get(path), 404, "not-found", List.of());
        }
        Bundle none = FhirClient.read(stranger.get("Appointment?patient=" + patient), 200, Bundle.class);
        assertEquals(0, none.getEntry().size());
    }

    private static OperationOutcome assertRefused(Response response, int status, String type, List<String> expressions) {
        OperationOutcome outcome = FhirClient.read(response, status, OperationOutcome.class);
        assertEquals(Outcomes.PROBLEM_SYSTEM, outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem());
        assertEquals(type, outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode(), response.asString());
        if (!expressions.isEmpty()) {
            assertEquals(expressions, outcome.getIssue().stream().skip(1)
                    .flatMap(issue -> issue.getExpression().stream().map(expression -> expression.getValue())).toList());
        }
        return outcome;
    }

    /** A patient created through FHIR and evaluated on {@code evaluatedOn}, the clinic's clock a week before START. */
    private static String readyPatient(TestClinic clinic, FhirClient fhir, LocalDate evaluatedOn, String finding) {
        Arc.container().instance(TestClock.class).get().travelTo(evaluatedOn.isBefore(START.minusDays(7))
                ? START.minusDays(7) : evaluatedOn);
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:oid:1.2.3.4").setValue("PAT-" + UUID.randomUUID());
        patient.addName().setFamily("Never stored");
        patient.addExtension(new Extension(FhirCodes.TIME_ZONE, new CodeType("Europe/Berlin")));
        patient.addCommunication().setLanguage(new CodeableConcept(new Coding(FhirCodes.URN_LANGUAGE, "de", null)));
        Response created = fhir.post("Patient", patient);
        String id = FhirClient.read(created, 201, Patient.class).getIdElement().getIdPart();
        assertTrue(created.header("Location").endsWith("/fhir/r4/Patient/" + id));
        clinic.evaluate(UUID.fromString(id), evaluatedOn, finding);
        return id;
    }

    private static Parameters bookCourse(String patient, UUID practitioner, UUID room) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("request").setResource(serviceRequest(patient, practitioner, room, START, 3,
                Timing.DayOfWeek.MON, Timing.DayOfWeek.WED, Timing.DayOfWeek.FRI));
        return parameters;
    }

    private static ServiceRequest serviceRequest(String patient, UUID practitioner, UUID room, LocalDate start,
            int perWeek, Timing.DayOfWeek... days) {
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setSubject(new Reference("Patient/" + patient));
        request.addPerformer(new Reference("Practitioner/" + practitioner));
        request.addLocationReference(new Reference("Location/" + room));
        Timing timing = new Timing();
        Timing.TimingRepeatComponent repeat = timing.getRepeat();
        repeat.setBounds(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(start.toString()))
                .setEndElement(new org.hl7.fhir.r4.model.DateTimeType(start.plusWeeks(4).minusDays(1).toString())));
        repeat.setFrequency(perWeek).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK);
        for (Timing.DayOfWeek day : days) {
            repeat.addDayOfWeek(day);
        }
        repeat.addTimeOfDay(LocalTime.of(10, 0).toString() + ":00");
        repeat.setDuration(30).setDurationUnit(Timing.UnitsOfTime.MIN);
        request.setOccurrence(timing);
        return request;
    }

    private static Response put(FhirClient fhir, String id, Appointment appointment, String ifMatch) {
        return fhir.request().header("If-Match", ifMatch)
                .body(FhirClient.CONTEXT.newJsonParser().encodeResourceToString(appointment))
                .put("/fhir/r4/Appointment/" + id);
    }
}

package health.courses.scheduling.fhir;

import static health.courses.scheduling.support.Topics.header;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
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
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.AfterEach;
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

    @AfterEach
    void realClockAgain() {
        Arc.container().instance(TestClock.class).get().travelTo((Instant) null);
    }

    @Test
    void booksACourseThenCancelsAndMovesAppointmentsAsTheRestApiDoes() {
        TestClinic clinic = TestClinic.fresh();
        FhirClient fhir = new FhirClient(clinic.token("booking", "clinician"));
        IGenericClient ehr = fhir.ehr();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        String patient = readyPatient(clinic, fhir, START.minusDays(7), "chronic-prostatitis");

        FhirClient.valid(ehr.capabilities().ofType(CapabilityStatement.class).execute());
        Patient read = FhirClient.valid(ehr.read().resource(Patient.class).withId(patient).execute());
        assertFalse(read.hasName() || read.hasTelecom(), "names and telecom are not stored");
        assertEquals("Europe/Berlin", read.getExtensionByUrl(FhirCodes.TIME_ZONE).getValue().primitiveValue());
        FhirClient.valid(ehr.read().resource(Practitioner.class).withId(practitioner.toString()).execute());
        FhirClient.valid(ehr.read().resource(Location.class).withId(room.toString()).execute());
        Bundle evaluations = FhirClient.valid(ehr.search().forResource(ClinicalImpression.class)
                .where(ClinicalImpression.PATIENT.hasId("Patient/" + patient)).returnBundle(Bundle.class).execute());
        ClinicalImpression evaluation = (ClinicalImpression) evaluations.getEntryFirstRep().getResource();
        assertEquals(1, evaluations.getEntry().size());
        assertEquals("chronic-prostatitis", evaluation.getFindingFirstRep().getItemCodeableConcept().getCodingFirstRep()
                .getCode());

        Bundle bundle = book(ehr, bookCourse(patient, practitioner, room));
        ServiceRequest course = (ServiceRequest) bundle.getEntryFirstRep().getResource();
        String courseId = course.getIdElement().getIdPart();
        List<Appointment> appointments = bundle.getEntry().stream().skip(1)
                .map(entry -> (Appointment) entry.getResource()).toList();
        assertEquals(12, appointments.size());
        appointments.forEach(appointment -> {
            assertEquals(AppointmentStatus.BOOKED, appointment.getStatus());
            assertEquals("ServiceRequest/" + courseId, appointment.getBasedOnFirstRep().getReference());
        });
        assertEquals(3, ((Timing) FhirClient.valid(ehr.read().resource(ServiceRequest.class).withId(courseId).execute())
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
        Bundle found = FhirClient.valid(ehr.search().forResource(Appointment.class)
                .where(Appointment.PATIENT.hasId("Patient/" + patient)).returnBundle(Bundle.class).execute());
        assertEquals(12, found.getEntry().size());

        // Cancel session 2 by the patient, then move session 3 an hour later, each with the version just read
        // (HAPI's client sends the version of the id it read as If-Match).
        String second = appointments.get(1).getIdElement().getIdPart();
        Appointment cancel = FhirClient.valid(ehr.read().resource(Appointment.class).withId(second).execute());
        cancel.setStatus(AppointmentStatus.CANCELLED).setCancelationReason(new CodeableConcept(
                new Coding(AppointmentFhirResource.CANCELLATION_REASONS, "pat", "Patient")));
        Appointment cancelled = (Appointment) FhirClient.valid((Appointment) ehr.update().resource(cancel).execute()
                .getResource());
        assertEquals(AppointmentStatus.CANCELLED, cancelled.getStatus());

        String third = appointments.get(2).getIdElement().getIdPart();
        Appointment stale = appointments.get(2);
        Instant later = stale.getStart().toInstant().plus(Duration.ofHours(1));
        stale.setStart(Date.from(later)).setEnd(Date.from(later.plus(Duration.ofMinutes(30))));
        // The version booked is stale since the cancel: 412, and nothing moves.
        OperationOutcome mismatch = FhirClient.refused(412, () -> ehr.update().resource(stale).execute());
        assertEquals("version-mismatch", mismatch.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
        Appointment move = FhirClient.valid(ehr.read().resource(Appointment.class).withId(third).execute());
        move.setStart(Date.from(later)).setEnd(Date.from(later.plus(Duration.ofMinutes(30))));
        Appointment moved = FhirClient.valid((Appointment) ehr.update().resource(move).execute().getResource());
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
        IGenericClient ehr = fhir.ehr();
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID other = clinic.addPractitioner("Dr. Roth");
        UUID room = clinic.addRoom("Room 1");

        String acute = readyPatient(clinic, fhir, START.minusDays(7), "acute-prostatitis");
        assertCode("contraindicated", FhirClient.refused(422, () -> book(ehr, bookCourse(acute, practitioner, room))));
        // the same operation with the $ percent-encoded, as some clients send it
        assertRefused(fhir.post("ServiceRequest/$book-course", bookCourse(acute, practitioner, room)), 422,
                "contraindicated", List.of());
        String stale = readyPatient(clinic, fhir, START.minusDays(40), "chronic-prostatitis");
        assertCode("evaluation-expired", FhirClient.refused(422, () -> book(ehr, bookCourse(stale, practitioner, room))));

        // Another course takes the room on Friday 9 April at 10:00 only: the 9th session of the new course.
        String blocker = readyPatient(clinic, fhir, LocalDate.of(2027, 4, 5), "chronic-prostatitis");
        Parameters tuesdaysAndThursdays = parameters(serviceRequest(blocker, other, room, LocalDate.of(2027, 4, 12), 2,
                Timing.DayOfWeek.TUE, Timing.DayOfWeek.THU));
        String first = book(ehr, tuesdaysAndThursdays).getEntry().get(1).getResource().getIdElement().getIdPart();
        given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("start", "2027-04-09T10:00", "reason", "patient-request"))
                .post("/api/v1/sessions/{id}/reschedule", first).then().statusCode(200);
        String patient = readyPatient(clinic, fhir, START.minusDays(7), "chronic-prostatitis");
        OperationOutcome taken = FhirClient.refused(409, () -> book(ehr, bookCourse(patient, practitioner, room)));
        assertCode("slot-taken", taken);
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
    void refusesAFirstSessionThatWouldStartBeforeNowNamingTheEarliestStart() {
        TestClinic clinic = TestClinic.fresh();
        FhirClient fhir = new FhirClient(clinic.token("booking", "clinician"));
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        String patient = readyPatient(clinic, fhir, START.minusDays(7), "chronic-prostatitis");
        ServiceRequest request = serviceRequest(patient, practitioner, room, START, 3,
                Timing.DayOfWeek.MON, Timing.DayOfWeek.WED, Timing.DayOfWeek.FRI);
        request.getOccurrenceTiming().getRepeat().getTimeOfDay().get(0).setValue("09:40:00");
        // Booked on the first day at 10:00 in Berlin (+01:00) for a 09:40 start: that session is already past.
        Arc.container().instance(TestClock.class).get().travelTo(Instant.parse("2027-03-22T09:00:00Z"));

        OperationOutcome past = FhirClient.refused(422, () -> book(fhir.ehr(), parameters(request)));

        assertCode("start-date-in-past", past);
        assertEquals("2027-03-22T10:00:00+01:00", past.getIssueFirstRep().getExtension().stream()
                .filter(member -> "earliestStart".equals(member.getExtensionString("name")))
                .map(member -> member.getExtensionString("value")).findFirst().orElseThrow());
        assertEquals("ServiceRequest.occurrenceTiming.repeat.timeOfDay",
                past.getIssue().get(1).getExpression().get(0).getValue());
        assertEquals(List.of(), given().auth().oauth2(clinic.bookingToken()).get("/api/v1/courses?patientId=" + patient)
                .then().statusCode(200).extract().jsonPath().getList("items"), "nothing was booked");
    }

    @Test
    void refusesABadRequestNamingTheFhirElement() {
        TestClinic clinic = TestClinic.fresh();
        FhirClient fhir = new FhirClient(clinic.bookingToken());
        ServiceRequest fourTimes = serviceRequest(UUID.randomUUID().toString(), UUID.randomUUID(), UUID.randomUUID(),
                START, 4, Timing.DayOfWeek.MON);
        // 4 a week on one weekday: both rules of the REST API, each at its FHIR element
        assertExpressions(List.of("ServiceRequest.occurrenceTiming.repeat.frequency",
                "ServiceRequest.occurrenceTiming.repeat.dayOfWeek"),
                FhirClient.refused(400, () -> book(fhir.ehr(), parameters(fourTimes))));
        // in the REST API's order (externalReference, language, zone), each at its FHIR element
        assertExpressions(List.of("Patient.identifier", "Patient.communication.language",
                "Patient.extension('" + FhirCodes.TIME_ZONE + "')"),
                FhirClient.refused(400, () -> fhir.ehr().create().resource(new Patient()).execute()));
    }

    @Test
    void anotherClinicReadsNoneOfItAndGetsNotFound() {
        TestClinic clinic = TestClinic.fresh();
        FhirClient fhir = new FhirClient(clinic.token("booking", "clinician"));
        UUID practitioner = clinic.addPractitioner("Dr. Weber");
        UUID room = clinic.addRoom("Room 1");
        String patient = readyPatient(clinic, fhir, START.minusDays(7), "chronic-prostatitis");
        Bundle bundle = book(fhir.ehr(), bookCourse(patient, practitioner, room));

        IGenericClient stranger = new FhirClient(TestClinic.fresh().token("booking", "clinician", "operator")).ehr();
        Map<Class<? extends Resource>, String> theirs = Map.of(Patient.class, patient,
                Practitioner.class, practitioner.toString(), Location.class, room.toString(),
                ServiceRequest.class, bundle.getEntry().get(0).getResource().getIdElement().getIdPart(),
                Appointment.class, bundle.getEntry().get(1).getResource().getIdElement().getIdPart());
        theirs.forEach((type, id) -> assertCode("not-found",
                FhirClient.refused(404, () -> stranger.read().resource(type).withId(id).execute())));
        Bundle none = FhirClient.valid(stranger.search().forResource(Appointment.class)
                .where(Appointment.PATIENT.hasId("Patient/" + patient)).returnBundle(Bundle.class).execute());
        assertEquals(0, none.getEntry().size());
    }

    @Test
    void theValidatorFindsWhatIsNotR4() {
        // The check every answer above passes is a real one: an Appointment without its status and participants
        // (both required by the base R4 profile) fails it on each.
        List<String> errors = FhirClient.errors(new Appointment());
        assertTrue(errors.stream().anyMatch(error -> error.contains("Appointment.status")), errors.toString());
        assertTrue(errors.stream().anyMatch(error -> error.contains("Appointment.participant")), errors.toString());
    }

    /** $book-course through the generic client, retry-safe as the REST booking. */
    private static Bundle book(IGenericClient ehr, Parameters request) {
        return FhirClient.valid(ehr.operation().onType(ServiceRequest.class).named("$book-course")
                .withParameters(request).returnResourceType(Bundle.class)
                .withAdditionalHeader("Idempotency-Key", UUID.randomUUID().toString()).execute());
    }

    private static void assertCode(String type, OperationOutcome outcome) {
        assertEquals(Outcomes.PROBLEM_SYSTEM, outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem());
        assertEquals(type, outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
    }

    private static void assertExpressions(List<String> expressions, OperationOutcome outcome) {
        assertCode("validation", outcome);
        assertEquals(expressions, outcome.getIssue().stream().skip(1)
                .flatMap(issue -> issue.getExpression().stream().map(expression -> expression.getValue())).toList());
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
        MethodOutcome created = fhir.ehr().create().resource(patient).execute();
        String id = FhirClient.valid((Patient) created.getResource()).getIdElement().getIdPart();
        assertEquals(id, created.getId().getIdPart(), "Location names the new Patient");
        clinic.evaluate(UUID.fromString(id), evaluatedOn, finding);
        return id;
    }

    private static Parameters bookCourse(String patient, UUID practitioner, UUID room) {
        return parameters(serviceRequest(patient, practitioner, room, START, 3,
                Timing.DayOfWeek.MON, Timing.DayOfWeek.WED, Timing.DayOfWeek.FRI));
    }

    private static Parameters parameters(ServiceRequest request) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("request").setResource(request);
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
}

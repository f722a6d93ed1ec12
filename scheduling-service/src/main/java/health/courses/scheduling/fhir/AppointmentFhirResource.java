package health.courses.scheduling.fhir;

import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.course.Courses;
import health.courses.scheduling.course.CourseView;
import health.courses.scheduling.course.LifecycleRequests;
import health.courses.scheduling.course.SessionChanges;
import health.courses.scheduling.problem.Ids;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.ResourceNotFound;
import health.courses.scheduling.problem.RuleViolation;
import health.courses.scheduling.session.Agenda;
import health.courses.scheduling.session.AgendaEntry;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Resource;

/**
 * A session as an Appointment: read, search, and update. An update is how a FHIR client changes an appointment
 * (no custom operation to learn): status=cancelled is the REST API's session cancel, a new start its reschedule,
 * both through {@link SessionChanges} with If-Match as the course's version.
 */
@Path("/fhir/r4/Appointment")
@Produces(FhirJson.MEDIA_TYPE)
@Tag(name = "FHIR R4")
public class AppointmentFhirResource {

    /** The code system of Appointment.cancelationReason in R4; its codes for the patient start with "pat". */
    static final String CANCELLATION_REASONS = "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason";
    private static final Map<String, String> FIELDS = Map.of(
            "start", "Appointment.start", "by", "Appointment.cancelationReason",
            "reason", "Appointment.cancelationReason", "If-Match", "If-Match");
    private static final int MOST = PageRequest.MAX_LIMIT;

    private final Courses courses;
    private final SessionChanges changes;
    private final SessionRepository sessions;
    private final Agenda agenda;
    private final Caller caller;
    private final FhirJson fhir;
    private final Outcomes outcomes;
    private final FhirInput input;

    AppointmentFhirResource(Courses courses, SessionChanges changes, SessionRepository sessions, Agenda agenda,
            Caller caller, FhirJson fhir, Outcomes outcomes, FhirInput input) {
        this.courses = courses;
        this.changes = changes;
        this.sessions = sessions;
        this.agenda = agenda;
        this.caller = caller;
        this.fhir = fhir;
        this.outcomes = outcomes;
        this.input = input;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "FHIR read Appointment (a session)",
            description = "The id is the REST API's session id; meta.versionId and the ETag are the course's version, "
                    + "to send back as If-Match on an update.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such session in the caller's clinic (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> read(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return outcomes.answer(FIELDS, () -> {
            UUID clinicId = caller.clinicId();
            UUID sessionId = Ids.parse("id", id);
            return appointment(clinicId, sessionId).map(this::ok);
        });
    }

    @GET
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "FHIR search Appointment",
            description = "By patient, or by a date range (date=ge...&date=lt..., at most 92 days, as the agenda), each "
                    + "narrowed by practitioner, location and status. At most 100 matches, by start.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Neither patient nor date, or a malformed parameter (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> search(
            @Parameter(description = "Patient/{id} or the id", schema = @Schema(type = SchemaType.STRING)) @QueryParam("patient") String patient,
            @Parameter(description = "Practitioner/{id} or the id", schema = @Schema(type = SchemaType.STRING)) @QueryParam("practitioner") String practitioner,
            @Parameter(description = "Location/{id} or the id", schema = @Schema(type = SchemaType.STRING)) @QueryParam("location") String location,
            @Parameter(description = "ge/gt (from) and lt/le (to) with a date or a date-time with offset",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) @QueryParam("date") List<String> dates,
            @Parameter(description = "booked, pending, fulfilled, noshow, cancelled", schema = @Schema(type = SchemaType.STRING)) @QueryParam("status") String status,
            @Context UriInfo uri) {
        return outcomes.answer(FIELDS, () -> {
            UUID clinicId = caller.clinicId();
            UUID patientId = reference("patient", patient);
            UUID practitionerId = reference("practitioner", practitioner);
            UUID roomId = reference("location", location);
            AppointmentStatus wanted = status == null ? null : status(status);
            DateRange range = DateRange.of(dates);
            if (patientId == null && range.from() == null) {
                throw new InvalidInput("patient", "required", "search by patient or by a date range (date=ge...&date=lt...)");
            }
            Uni<Set<UUID>> candidates = patientId != null
                    ? courses.list(clinicId, patientId, null, PageRequest.of(MOST, null))
                            .map(list -> ids(list.items().stream().map(CourseView::id).toList()))
                    : agenda.list(clinicId, new Agenda.Window(range.from(), range.to(), practitionerId, roomId),
                            PageRequest.of(MOST, null)).map(list -> ids(list.items().stream().map(AgendaEntry::courseId).toList()));
            return candidates.flatMap(courseIds -> Multi.createFrom().iterable(courseIds)
                            .onItem().transformToUniAndConcatenate(courseId -> courses.find(clinicId, courseId))
                            .collect().asList())
                    .map(found -> {
                        Predicate<Session> matches = session -> (practitionerId == null || practitionerId.equals(session.practitionerId))
                                && (roomId == null || roomId.equals(session.roomId));
                        List<Resource> matched = found.stream()
                                .flatMap(course -> course.sessions().stream().filter(matches)
                                        .filter(session -> range.contains(session.startsAt, ZoneId.of(course.course().zone)))
                                        .map(session -> (Resource) CourseMapping.appointment(course.course(), session)))
                                .filter(appointment -> wanted == null || ((Appointment) appointment).getStatus() == wanted)
                                .sorted(Comparator.comparing(appointment -> ((Appointment) appointment).getStart()))
                                .limit(MOST).toList();
                        return Response.ok(fhir.write(FhirBundles.searchset(uri, matched)), FhirJson.MEDIA_TYPE).build();
                    });
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes({ FhirJson.MEDIA_TYPE, "application/json" })
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN })
    @Operation(summary = "FHIR update Appointment: cancel or move one session",
            description = "status=cancelled cancels the session (cancelationReason coding from " + CANCELLATION_REASONS
                    + ": a code starting with pat is the patient's cancellation, any other the clinic's; the code is the "
                    + "reason); a new start moves it (same checks as booking; end follows the session's length). Any "
                    + "other change is refused (business-rule). If-Match W/\"{version}\" is the course's version. Publishes "
                    + "session.cancelled.v1 or session.rescheduled.v1, as the REST API does.")
    @RequestBody(content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "The changed Appointment; ETag the course's new version",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Not an Appointment or a malformed element (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such session in the caller's clinic (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = "The session's state does not allow it (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "422", description = "The new start breaks a booking rule, or another element was changed (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> update(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "W/\"{version}\" as read; optional") @HeaderParam("If-Match") String ifMatch,
            String body) {
        return outcomes.answer(FIELDS, () -> {
            UUID clinicId = caller.clinicId();
            UUID sessionId = Ids.parse("id", id);
            Appointment wanted = fhir.read(body, Appointment.class);
            if (wanted.hasIdElement() && wanted.getIdElement().hasIdPart() && !id.equals(wanted.getIdElement().getIdPart())) {
                throw new InvalidInput("Appointment.id", "matches-url", "must be the id in the URL");
            }
            return appointment(clinicId, sessionId).flatMap(current -> {
                if (wanted.getStatus() == AppointmentStatus.CANCELLED && current.getStatus() != AppointmentStatus.CANCELLED) {
                    return changes.cancel(clinicId, sessionId, ifMatch, input.valid(cancellation(wanted)))
                            .flatMap(changed -> appointment(clinicId, sessionId));
                }
                if (wanted.getStart() != null && !wanted.getStart().equals(current.getStart())
                        && wanted.getStatus() == current.getStatus()) {
                    String start = OffsetDateTime.ofInstant(wanted.getStart().toInstant(), ZoneOffset.UTC).toString();
                    return changes.reschedule(clinicId, sessionId, ifMatch,
                                    input.valid(new LifecycleRequests.RescheduleSession(start, null)))
                            .flatMap(changed -> appointment(clinicId, sessionId));
                }
                if (wanted.getStatus() == current.getStatus()) {
                    return Uni.createFrom().item(current);
                }
                throw new RuleViolation(Problem.of("unsupported-change", "Change not supported", 422,
                        "An Appointment is changed by status=cancelled or a new start; status " + current.getStatus().toCode()
                                + " cannot become " + (wanted.getStatus() == null ? "empty" : wanted.getStatus().toCode())));
            }).map(this::ok);
        });
    }

    private Uni<Appointment> appointment(UUID clinicId, UUID sessionId) {
        return Panache.withSession(() -> sessions.courseOf(clinicId, sessionId))
                .onItem().ifNull().failWith(() -> new ResourceNotFound("session", sessionId))
                .flatMap(courseId -> courses.find(clinicId, courseId))
                .map(found -> found.sessions().stream().filter(session -> session.id.equals(sessionId)).findFirst()
                        .map(session -> CourseMapping.appointment(found.course(), session))
                        .orElseThrow(() -> new ResourceNotFound("session", sessionId)));
    }

    private Response ok(Appointment appointment) {
        return Response.ok(fhir.write(appointment), FhirJson.MEDIA_TYPE)
                .tag(FhirCodes.etag(Integer.parseInt(appointment.getMeta().getVersionId()))).build();
    }

    private static LifecycleRequests.CancelSession cancellation(Appointment wanted) {
        String code = wanted.getCancelationReason().getCoding().stream()
                .filter(coding -> CANCELLATION_REASONS.equals(coding.getSystem()) && coding.hasCode())
                .map(coding -> coding.getCode()).findFirst().orElse("other");
        return new LifecycleRequests.CancelSession(code.startsWith("pat") ? "patient" : "clinic", code);
    }

    private static AppointmentStatus status(String code) {
        try {
            return AppointmentStatus.fromCode(code);
        } catch (org.hl7.fhir.exceptions.FHIRException e) {
            throw new InvalidInput("status", "code", "must be an Appointment status such as booked or cancelled");
        }
    }

    private static UUID reference(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Ids.parse(field, value.substring(value.lastIndexOf('/') + 1));
    }

    private static Set<UUID> ids(List<UUID> ids) {
        return new LinkedHashSet<>(ids);
    }

    /** FHIR's date search prefixes read as the agenda's window: ge/gt give from, lt/le give to. */
    record DateRange(String from, String to) {

        static DateRange of(List<String> values) {
            String from = null;
            String to = null;
            for (String value : values == null ? List.<String>of() : values) {
                String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
                String date = prefix.equals("eq") && !value.startsWith("eq") ? value : value.substring(2);
                switch (prefix) {
                    case "ge", "gt" -> from = date;
                    case "lt" -> to = date;
                    case "le" -> to = date.length() == 10 ? LocalDate.parse(date).plusDays(1).toString() : date;
                    case "eq" -> {
                        from = date;
                        to = date.length() == 10 ? LocalDate.parse(date).plusDays(1).toString() : date;
                    }
                    default -> throw new InvalidInput("date", "prefix", "must start with ge, gt, lt, le or eq");
                }
            }
            if (from != null && to == null) {
                throw new InvalidInput("date", "range", "give both ends: date=ge...&date=lt...");
            }
            return new DateRange(from, to);
        }

        /** The agenda already narrowed by the window when one was given; by patient the window narrows here. */
        boolean contains(Instant start, ZoneId zone) {
            return (from == null || !start.isBefore(bound(from, zone))) && (to == null || start.isBefore(bound(to, zone)));
        }

        /** A date is the start of that day in the clinic's zone, as in the agenda. */
        private static Instant bound(String value, ZoneId zone) {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                        : OffsetDateTime.parse(value).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInput("date", "date-time", "must be a date such as 2027-05-03 or a date-time with an offset");
            }
        }
    }
}

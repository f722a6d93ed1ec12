package health.courses.scheduling.course;

import health.courses.scheduling.api.Created;
import health.courses.scheduling.api.CreationLimits;
import health.courses.scheduling.api.Idempotency;
import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.problem.Ids;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/courses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Courses", description = "Book a treatment course, read it, its calendar, and change it as a whole")
public class CourseResource {

    private static final String ID = "id";

    private final Courses courses;
    private final CourseChanges changes;
    private final Caller caller;
    private final CreationLimits limits;

    CourseResource(Courses courses, CourseChanges changes, Caller caller, CreationLimits limits) {
        this.limits = limits;
        this.courses = courses;
        this.changes = changes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOOKING)
    @Operation(summary = "Prescribe and schedule a course",
            description = "Books every session or none. Sessions keep the local time in the clinic's zone across "
                    + "daylight-saving changes. Publishes course.scheduled.v1 and one session.scheduled.v1 per session.")
    @RequestBody(content = @Content(schema = @Schema(implementation = BookCourseRequest.class), examples = @ExampleObject(
            name = "three a week for four weeks", value = """
                    {"patientId": "5f0c6b1e-2a44-4c8e-9b1d-7a3e2f6d8c90",
                     "practitionerId": "0b7e4c52-8d1f-4a3b-9c6e-1f2a3b4c5d6e",
                     "roomId": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                     "startDate": "2027-03-22", "sessionsPerWeek": 3, "weeks": 4, "localTime": "10:00"}""")))
    @APIResponse(responseCode = "201", description = "Booked; Location names the course, ETag is its version",
            content = @Content(schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names each field and rule (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "https://courses.health/problems/validation", "title": "The request is not valid",
                             "status": 400, "detail": "sessionsPerWeek: must be 2 or 3",
                             "errors": [{"field": "sessionsPerWeek", "rule": "max", "message": "must be 2 or 3"}]}""")))
    @APIResponse(responseCode = "409", description = "Only taken slots stand in the way (slot-taken): `conflicts` lists each "
            + "session with its reasons (practitioner-busy, room-busy) and up to 3 alternatives. Nothing was booked.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "slot-taken", value = """
                            {"type": "https://courses.health/problems/slot-taken", "title": "Slot already taken", "status": 409,
                             "detail": "session 5 at 2027-03-31T10:00:00+02:00 (practitioner-busy); nothing was booked",
                             "conflicts": [{"number": 5, "date": "2027-03-31", "start": "2027-03-31T10:00:00+02:00",
                                            "end": "2027-03-31T10:30:00+02:00", "reasons": ["practitioner-busy"],
                                            "takenBy": ["practitioner"],
                                            "alternatives": ["2027-03-31T10:30:00+02:00", "2027-03-31T09:30:00+02:00", "2027-03-31T10:45:00+02:00"]}]}""")))
    @APIResponse(responseCode = "422", description = "The clinic's rules refuse the course; nothing was booked. Types: "
            + "course-not-schedulable (`conflicts` per session: outside-opening-hours, clinic-closed, too-close, busy), "
            + "evaluation-required, evaluation-expired, contraindicated (`findings`), unknown-reference (`errors`), "
            + "sessions-too-close (weekdays closer than the clinic's minimum gap), start-date-in-past, idempotency-key-reuse",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "course-not-schedulable", value = """
                            {"type": "https://courses.health/problems/course-not-schedulable", "title": "Course cannot be scheduled",
                             "status": 422, "detail": "session 1 at 2027-03-22T17:45:00+01:00 (outside-opening-hours); nothing was booked",
                             "conflicts": [{"number": 1, "date": "2027-03-22", "start": "2027-03-22T17:45:00+01:00",
                                            "end": "2027-03-22T18:15:00+01:00", "reasons": ["outside-opening-hours"], "takenBy": [],
                                            "alternatives": ["2027-03-22T17:30:00+01:00", "2027-03-22T17:15:00+01:00", "2027-03-22T17:00:00+01:00"]}]}"""),
                    @ExampleObject(name = "evaluation-required", value = """
                            {"type": "https://courses.health/problems/evaluation-required", "title": "Evaluation required", "status": 422,
                             "detail": "Patient 5f0c6b1e-2a44-4c8e-9b1d-7a3e2f6d8c90 has no evaluation on or before 2027-03-22; record one with POST /api/v1/patients/5f0c6b1e-2a44-4c8e-9b1d-7a3e2f6d8c90/evaluations",
                             "patientId": "5f0c6b1e-2a44-4c8e-9b1d-7a3e2f6d8c90"}"""),
                    @ExampleObject(name = "evaluation-expired", value = """
                            {"type": "https://courses.health/problems/evaluation-expired", "title": "Evaluation expired", "status": 422,
                             "detail": "The newest evaluation is of 2027-02-19, 31 days before the start 2027-03-22; at most 30 days are allowed: re-evaluate first",
                             "evaluationId": "7d3f0e52-1c2b-4a5e-9f8d-6b7a8c9d0e1f", "evaluationDate": "2027-02-19", "maxAgeDays": 30, "validUntil": "2027-03-21"}"""),
                    @ExampleObject(name = "contraindicated", value = """
                            {"type": "https://courses.health/problems/contraindicated", "title": "Contraindicated", "status": 422,
                             "detail": "The evaluation of 2027-03-17 found acute-prostatitis: a course must not be scheduled",
                             "evaluationId": "7d3f0e52-1c2b-4a5e-9f8d-6b7a8c9d0e1f", "findings": ["acute-prostatitis"]}"""),
                    @ExampleObject(name = "unknown-reference", value = """
                            {"type": "https://courses.health/problems/unknown-reference", "title": "Unknown reference", "status": 422,
                             "detail": "The course names a patient, practitioner or room your clinic does not have",
                             "errors": [{"field": "patientId", "rule": "exists", "message": "no such patient in your clinic"}]}"""),
                    @ExampleObject(name = "sessions-too-close", value = """
                            {"type": "https://courses.health/problems/sessions-too-close", "title": "Sessions too close together", "status": 422,
                             "detail": "4 pair(s) of sessions start less than 44 hours apart; choose weekdays with a day between them",
                             "minGapHours": 44, "pairs": [{"numbers": [1, 2], "hoursApart": 24}]}"""),
                    @ExampleObject(name = "start-date-in-past", value = """
                            {"type": "https://courses.health/problems/start-date-in-past", "title": "Start date in the past", "status": 422,
                             "detail": "The course cannot start on 2027-03-01: today is 2027-03-15 in the clinic's zone Europe/Berlin; the earliest possible start is 2027-03-15T10:15:00+01:00",
                             "earliestStart": "2027-03-15T10:15:00+01:00",
                             "errors": [{"field": "startDate", "rule": "not-past", "message": "must be today or later"}]}"""),
                    @ExampleObject(name = "idempotency-key-reuse", value = """
                            {"type": "https://courses.health/problems/idempotency-key-reuse", "title": "Idempotency-Key reused", "status": 422,
                             "detail": "This Idempotency-Key was already used with a different request; use a new key for a new request"}""") }))
    @APIResponse(responseCode = "429", description = "The clinic is over its rate limit for creating requests (rate-limited); Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> book(
            @Parameter(description = "Retry-safe booking: the same key and body answer the first result for 24 h; another body is refused (idempotency-key-reuse)")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull BookCourseRequest request) {
        UUID clinicId = caller.clinicId();
        return limits.acquire(clinicId).chain(() -> courses.book(clinicId, caller.subject(), idempotencyKey, request).map(Created::toResponse));
    }

    @GET
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "The caller's clinic's courses, newest first, a page at a time")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CourseList.class)))
    @APIResponse(responseCode = "400", description = "A malformed patientId or status, limit above 100, or a foreign cursor (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CourseList> list(
            @Parameter(description = "Only this patient's courses", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("patientId") String patientId,
            @Parameter(description = "Only courses in this status",
                    schema = @Schema(enumeration = { "scheduled", "held", "cancelled", "completed" }))
            @QueryParam("status") String status,
            @Parameter(description = "1-100, 50 when absent") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return courses.list(caller.clinicId(), patientId == null ? null : Ids.parse("patientId", patientId),
                status(status), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "A course with its sessions")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "404", description = "No such course in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CourseView>> get(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return courses.find(caller.clinicId(), Ids.parse("id", id))
                .map(found -> RestResponse.ResponseBuilder.ok(CourseView.of(found.course(), found.sessions()))
                        .tag(new EntityTag(Integer.toString(found.course().version)))
                        .build());
    }

    @GET
    @Path("/{id}/calendar.ics")
    @Produces(CourseCalendar.CONTENT_TYPE)
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "The course as an iCalendar file (RFC 5545)",
            description = "One VEVENT per session: UID session-{sessionId}@courses.health (stable across changes), SEQUENCE "
                    + "(grows with every reschedule), DTSTART/DTEND in the clinic's zone with its VTIMEZONE, STATUS "
                    + "CONFIRMED (scheduled, completed), TENTATIVE (held) or CANCELLED (cancelled, missed). No patient name.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "text/calendar",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such course in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> calendar(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return courses.calendar(caller.clinicId(), Ids.parse(ID, id))
                .map(ics -> Response.ok(ics, CourseCalendar.CONTENT_TYPE).build());
    }

    @POST
    @Path("/{id}/hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Hold a course",
            description = "Every future scheduled session becomes held and keeps its slot; no reminders go out for held "
                    + "sessions. Publishes course.held.v1 listing them. The body is optional.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = LifecycleRequests.HoldCourse.class)))
    @APIResponse(responseCode = "200", description = ChangeAnswers.OK, content = @Content(schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "404", description = "No such course in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ChangeAnswers.CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ChangeAnswers.ILLEGAL_TRANSITION)))
    @APIResponse(responseCode = "412", description = ChangeAnswers.STALE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = ChangeAnswers.REFUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CourseView>> hold(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "The course's version (ETag); optional") @HeaderParam("If-Match") String ifMatch,
            @Valid LifecycleRequests.HoldCourse request) {
        return changes.hold(caller.clinicId(), Ids.parse(ID, id), ifMatch, request).map(CourseResource::answer);
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Resume a held course",
            description = "The held sessions re-flow forward from `from`, in order, on the course's weekdays at its time, "
                    + "under every booking rule (closures, opening hours, minimum gap, free practitioner and room). Each "
                    + "keeps its id and its sequence grows. Publishes course.resumed.v1 and one session.rescheduled.v1 per "
                    + "re-flowed session.")
    @RequestBody(content = @Content(schema = @Schema(implementation = LifecycleRequests.ResumeCourse.class),
            examples = @ExampleObject(name = "two weeks later", value = """
                    {"from": "2027-05-17", "reason": "clinician-cleared"}""")))
    @APIResponse(responseCode = "200", description = ChangeAnswers.OK, content = @Content(schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "404", description = "No such course in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ChangeAnswers.CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ChangeAnswers.ILLEGAL_TRANSITION)))
    @APIResponse(responseCode = "412", description = ChangeAnswers.STALE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = ChangeAnswers.REFUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CourseView>> resume(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "The course's version (ETag); optional") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LifecycleRequests.ResumeCourse request) {
        return changes.resume(caller.clinicId(), Ids.parse(ID, id), ifMatch, request).map(CourseResource::answer);
    }

    @POST
    @Path("/{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Extend a course",
            description = "Appends weeks of sessions after the last one (at most 12 weeks in all; a reason code is "
                    + "required). Publishes course.extended.v1 and one session.scheduled.v1 per new session.")
    @RequestBody(content = @Content(schema = @Schema(implementation = LifecycleRequests.ExtendCourse.class),
            examples = @ExampleObject(name = "two more weeks", value = """
                    {"weeks": 2, "reason": "slow-response"}""")))
    @APIResponse(responseCode = "200", description = ChangeAnswers.OK, content = @Content(schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "404", description = "No such course in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ChangeAnswers.CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ChangeAnswers.ILLEGAL_TRANSITION)))
    @APIResponse(responseCode = "412", description = ChangeAnswers.STALE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = ChangeAnswers.REFUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CourseView>> extend(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "The course's version (ETag); optional") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LifecycleRequests.ExtendCourse request) {
        return changes.extend(caller.clinicId(), Ids.parse(ID, id), ifMatch, request).map(CourseResource::answer);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN })
    @Operation(summary = "Cancel a course",
            description = "Cancels every future scheduled or held session and the course; past sessions stay as they are. "
                    + "Publishes course.cancelled.v1 and one session.cancelled.v1 per cancelled session.")
    @RequestBody(content = @Content(schema = @Schema(implementation = LifecycleRequests.CancelCourse.class),
            examples = @ExampleObject(name = "patient request", value = """
                    {"reason": "patient-request"}""")))
    @APIResponse(responseCode = "200", description = ChangeAnswers.OK, content = @Content(schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "404", description = "No such course in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ChangeAnswers.CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ChangeAnswers.ILLEGAL_TRANSITION)))
    @APIResponse(responseCode = "412", description = ChangeAnswers.STALE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = ChangeAnswers.REFUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CourseView>> cancel(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "The course's version (ETag); optional") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LifecycleRequests.CancelCourse request) {
        return changes.cancel(caller.clinicId(), Ids.parse(ID, id), ifMatch, request).map(CourseResource::answer);
    }

    /** The changed course with its sessions; the ETag is its new version. */
    public static RestResponse<CourseView> answer(Courses.BookedCourse changed) {
        return RestResponse.ResponseBuilder.ok(CourseView.of(changed.course(), changed.sessions()))
                .tag(new EntityTag(Integer.toString(changed.course().version)))
                .build();
    }

    private static CourseStatus status(String word) {
        if (word == null) {
            return null;
        }
        return Arrays.stream(CourseStatus.values()).filter(status -> status.word().equals(word)).findFirst()
                .orElseThrow(() -> new InvalidInput("status", "one-of", "must be one of scheduled, held, cancelled, completed"));
    }
}

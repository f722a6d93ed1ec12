package health.courses.scheduling.session;

import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.confirmation.Confirmation;
import health.courses.scheduling.course.ChangeAnswers;
import health.courses.scheduling.course.CourseResource;
import health.courses.scheduling.course.CourseView;
import health.courses.scheduling.course.LifecycleRequests;
import health.courses.scheduling.course.SessionChanges;
import health.courses.scheduling.problem.Ids;
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
import jakarta.ws.rs.core.MediaType;
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

@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "The agenda, and changes of one session")
public class SessionResource {

    private static final String ID = "id";

    private final Agenda agenda;
    private final SessionChanges changes;
    private final Caller caller;

    SessionResource(Agenda agenda, SessionChanges changes, Caller caller) {
        this.agenda = agenda;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "The agenda: sessions starting in a window, by start then id, a page at a time",
            description = "Every status is listed (cancelled ones too, so a desk sees what was freed), unless `status` "
                    + "narrows it. `confirmation` narrows it to the patients' answers to the reminders: "
                    + "`status=scheduled&confirmation=unconfirmed` over tomorrow is the call list.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgendaList.class)))
    @APIResponse(responseCode = "400", description = "A missing or malformed from/to, to not after from, a window over 92 days, "
            + "a malformed id, an unknown confirmation or status, limit above 100, or a foreign cursor (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AgendaList> list(
            @Parameter(description = "Clinic-local date (start of day) or a date-time with offset", required = true,
                    example = "2027-05-03") @QueryParam("from") String from,
            @Parameter(description = "Exclusive; clinic-local date or a date-time with offset", required = true,
                    example = "2027-05-10") @QueryParam("to") String to,
            @Parameter(description = "Only this practitioner's sessions", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("practitionerId") String practitionerId,
            @Parameter(description = "Only this room's sessions", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("roomId") String roomId,
            @Parameter(description = "Only sessions whose patient answered so (issue 18)",
                    schema = @Schema(implementation = Confirmation.class)) @QueryParam("confirmation") String confirmation,
            @Parameter(description = "Only sessions in this status", schema = @Schema(implementation = SessionStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "1-100, 50 when absent") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return agenda.list(caller.clinicId(), new Agenda.Window(from, to,
                        practitionerId == null ? null : Ids.parse("practitionerId", practitionerId),
                        roomId == null ? null : Ids.parse("roomId", roomId),
                        confirmation == null ? null : Confirmation.parameter("confirmation", confirmation),
                        status == null ? null : SessionStatus.parameter("status", status)),
                PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "One session, as the agenda shows it",
            description = "With its course, practitioner, room and the patient's confirmation (issue 18).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgendaEntry.class)))
    @APIResponse(responseCode = "404", description = "No such session in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AgendaEntry> get(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam(ID) String id) {
        return agenda.entry(caller.clinicId(), Ids.parse(ID, id));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN })
    @Operation(summary = "Move one session",
            description = "Same checks as booking (opening hours, closures, minimum gap to the course's other sessions, "
                    + "practitioner and room free). The session keeps its id; its sequence grows. No other session changes. "
                    + "Publishes session.rescheduled.v1.")
    @RequestBody(content = @Content(schema = @Schema(implementation = LifecycleRequests.RescheduleSession.class),
            examples = @ExampleObject(name = "an hour later", value = """
                    {"start": "2027-05-05T11:00", "reason": "patient-request"}""")))
    @APIResponse(responseCode = "200", description = ChangeAnswers.OK, content = @Content(schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "404", description = "No such session in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ChangeAnswers.CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = ChangeAnswers.STALE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = ChangeAnswers.REFUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CourseView>> reschedule(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "The course's version (ETag); optional") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LifecycleRequests.RescheduleSession request) {
        return changes.reschedule(caller.clinicId(), Ids.parse(ID, id), ifMatch, request).map(CourseResource::answer);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN })
    @Operation(summary = "Cancel one session",
            description = "Frees its slot. Unless the clinic turned make-up sessions off, one session is appended after the "
                    + "course's last, on its weekdays at its time. Publishes session.cancelled.v1 (reason by:code) and, for "
                    + "the make-up, session.scheduled.v1.")
    @RequestBody(content = @Content(schema = @Schema(implementation = LifecycleRequests.CancelSession.class),
            examples = @ExampleObject(name = "patient ill", value = """
                    {"by": "patient", "reason": "illness"}""")))
    @APIResponse(responseCode = "200", description = ChangeAnswers.OK, content = @Content(schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "404", description = "No such session in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ChangeAnswers.CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "illegal-transition", value = ChangeAnswers.ILLEGAL_TRANSITION)))
    @APIResponse(responseCode = "412", description = ChangeAnswers.STALE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CourseView>> cancel(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "The course's version (ETag); optional") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LifecycleRequests.CancelSession request) {
        return changes.cancel(caller.clinicId(), Ids.parse(ID, id), ifMatch, request).map(CourseResource::answer);
    }

    @POST
    @Path("/{id}/missed")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN })
    @Operation(summary = "Record that the patient did not come",
            description = "Only at or after the session's start. A make-up is appended as for a cancellation. Publishes "
                    + "session.missed.v1 (and session.scheduled.v1 for the make-up). The body is optional.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = LifecycleRequests.MarkSessionMissed.class)))
    @APIResponse(responseCode = "200", description = ChangeAnswers.OK, content = @Content(schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "404", description = "No such session in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ChangeAnswers.CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = ChangeAnswers.STALE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CourseView>> missed(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "The course's version (ETag); optional") @HeaderParam("If-Match") String ifMatch,
            @Valid LifecycleRequests.MarkSessionMissed request) {
        return changes.missed(caller.clinicId(), Ids.parse(ID, id), ifMatch, request).map(CourseResource::answer);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN })
    @Operation(summary = "Record that the session took place",
            description = "Only at or after the session's start. Records the intensity (1-5) and a tolerance note; the note "
                    + "stays in the database (never in an event or a log). When no session is left to take place the "
                    + "course completes itself. Publishes session.completed.v1 (and course.completed.v1).")
    @RequestBody(content = @Content(schema = @Schema(implementation = LifecycleRequests.CompleteSession.class),
            examples = @ExampleObject(name = "tolerated", value = """
                    {"intensity": 2, "toleranceNote": "Mild soreness afterwards, tolerated well"}""")))
    @APIResponse(responseCode = "200", description = ChangeAnswers.OK, content = @Content(schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "404", description = "No such session in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ChangeAnswers.CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "session-not-started", value = """
                            {"type": "https://courses.health/problems/session-not-started", "title": "Session not started",
                             "status": 409, "detail": "Session 4 starts at 2027-05-10T10:00:00+02:00; it cannot be completed before it starts",
                             "currentStatus": "scheduled", "start": "2027-05-10T10:00:00+02:00"}""")))
    @APIResponse(responseCode = "412", description = ChangeAnswers.STALE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CourseView>> complete(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "The course's version (ETag); optional") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LifecycleRequests.CompleteSession request) {
        return changes.complete(caller.clinicId(), Ids.parse(ID, id), ifMatch, request).map(CourseResource::answer);
    }
}

package health.courses.scheduling.course;

import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.problem.Ids;
import health.courses.scheduling.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
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
@Tag(name = "Courses")
public class CourseResource {

    private final Courses courses;
    private final Caller caller;

    CourseResource(Courses courses, Caller caller) {
        this.courses = courses;
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
    @APIResponse(responseCode = "201", description = "Booked; Location names the course",
            content = @Content(schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names each field and rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A session would double-book the practitioner or room (slot-taken); `conflicts` lists them",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown practitioner or room (unknown-reference), or sessions too close (sessions-too-close)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CourseView>> book(@Valid @NotNull BookCourseRequest request) {
        return courses.book(caller.clinicId(), caller.subject(), request)
                .map(booked -> RestResponse.ResponseBuilder
                        .<CourseView>created(URI.create("/api/v1/courses/" + booked.course().id))
                        .tag(new EntityTag(Integer.toString(booked.course().version)))
                        .entity(CourseView.of(booked.course(), booked.sessions()))
                        .build());
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
}

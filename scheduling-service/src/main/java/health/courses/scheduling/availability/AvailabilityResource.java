package health.courses.scheduling.availability;

import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "Where a whole course fits, to offer choices that will book")
public class AvailabilityResource {

    private final Availability availability;
    private final Caller caller;

    AvailabilityResource(Availability availability, Caller caller) {
        this.availability = availability;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN })
    @Operation(summary = "Start days and times at which a whole course can be booked",
            description = "For each candidate pattern (the given weekdays, or each even spread the system chooses from) "
                    + "and each start day in from..to (at most 31 days), the quarter-hour start times at which every "
                    + "session fits the opening hours, avoids closures (moving within the week as booking does), keeps "
                    + "the minimum gap and finds the practitioner (and room) free. A snapshot: booking re-checks.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    @APIResponse(responseCode = "400", description = "A missing or malformed parameter, or a range over 31 days (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such practitioner or room in the caller's clinic (not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AvailabilityView> find(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("practitionerId") String practitionerId,
            @Parameter(description = "Also require this room free", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("roomId") String roomId,
            @Parameter(required = true, example = "2027-03-22") @QueryParam("from") String from,
            @Parameter(required = true, example = "2027-03-28") @QueryParam("to") String to,
            @Parameter(required = true, description = "2 or 3", example = "3") @QueryParam("sessionsPerWeek") Integer sessionsPerWeek,
            @Parameter(description = "4-8, 4 when absent", example = "4") @QueryParam("weeks") Integer weeks,
            @Parameter(description = "e.g. MONDAY,THURSDAY; every even spread when absent") @QueryParam("weekdays") List<String> weekdays,
            @Parameter(description = "10-240, 30 when absent", example = "30") @QueryParam("sessionMinutes") Integer sessionMinutes) {
        AvailabilityQuery query = AvailabilityQuery.parse(practitionerId, roomId, from, to, sessionsPerWeek, weeks, weekdays,
                sessionMinutes);
        return availability.find(caller.clinicId(), query);
    }
}

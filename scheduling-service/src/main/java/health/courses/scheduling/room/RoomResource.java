package health.courses.scheduling.room;

import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms")
public class RoomResource {

    private final Rooms rooms;
    private final Caller caller;

    RoomResource(Rooms rooms, Caller caller) {
        this.rooms = rooms;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOOKING)
    @Operation(summary = "Add a room to the caller's clinic")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<RoomView>> add(@Valid @NotNull NewRoom request) {
        return rooms.add(caller.clinicId(), request.name())
                .map(added -> RestResponse.ResponseBuilder.<RoomView>created(URI.create("/api/v1/rooms/" + added.id))
                        .entity(RoomView.of(added)).build());
    }

    @GET
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "The caller's clinic's rooms, by name")
    public Uni<RoomList> list() {
        return rooms.list(caller.clinicId())
                .map(found -> new RoomList(found.stream().map(RoomView::of).toList()));
    }
}

package health.courses.scheduling.room;

import health.courses.scheduling.api.Created;
import health.courses.scheduling.api.CreationLimits;
import health.courses.scheduling.api.Idempotency;
import health.courses.scheduling.api.PageRequest;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms", description = "The clinic's treatment rooms, where sessions take place")
public class RoomResource {

    private final Rooms rooms;
    private final Idempotency idempotency;
    private final Caller caller;
    private final CreationLimits limits;

    RoomResource(Rooms rooms, Idempotency idempotency, Caller caller, CreationLimits limits) {
        this.rooms = rooms;
        this.limits = limits;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOOKING)
    @Operation(summary = "Add a room to the caller's clinic")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body (idempotency-key-reuse)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The clinic is over its rate limit for creating requests (rate-limited); Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> add(
            @Parameter(description = "Retry-safe creation: the same key and body answer the first result for 24 h")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewRoom request) {
        UUID clinicId = caller.clinicId();
        return limits.acquire(clinicId).chain(() -> idempotency.create(clinicId, idempotencyKey, "POST /api/v1/rooms", request,
                () -> rooms.add(clinicId, request.name()).map(added -> Created.of(
                        URI.create("/api/v1/rooms/" + added.id), added.version, RoomView.of(added))))
                .map(Created::toResponse));
    }

    @GET
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "The caller's clinic's rooms, by name, a page at a time")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RoomList.class)))
    @APIResponse(responseCode = "400", description = "limit above 100 or a cursor not from a previous page (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RoomList> list(
            @Parameter(description = "1-100, 50 when absent") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return rooms.list(caller.clinicId(), PageRequest.of(limit, cursor))
                .map(page -> new RoomList(page.items(), page.nextCursor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "One room")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "404", description = "No such room in the caller's clinic (not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RoomView> get(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return rooms.find(caller.clinicId(), Ids.parse("id", id)).map(RoomView::of);
    }
}

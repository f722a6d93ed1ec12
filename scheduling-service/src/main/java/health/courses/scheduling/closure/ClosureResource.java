package health.courses.scheduling.closure;

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
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/closures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closures", description = "Days the clinic is closed; bookings move sessions off them within the week")
public class ClosureResource {

    private final Closures closures;
    private final Idempotency idempotency;
    private final Caller caller;
    private final CreationLimits limits;

    ClosureResource(Closures closures, Idempotency idempotency, Caller caller, CreationLimits limits) {
        this.closures = closures;
        this.limits = limits;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOOKING)
    @Operation(summary = "Close the clinic on a day or a range of days",
            description = "Applies to bookings made afterwards; sessions already booked keep their times.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewClosure.class), examples = {
            @ExampleObject(name = "one day", value = "{\"date\": \"2027-04-02\", \"reason\": \"Good Friday\"}"),
            @ExampleObject(name = "a range", value = "{\"from\": \"2027-12-24\", \"to\": \"2027-12-31\", \"reason\": \"Winter break\"}") }))
    @APIResponse(responseCode = "201", description = "Closed; Location names the closure",
            content = @Content(schema = @Schema(implementation = ClosureView.class)))
    @APIResponse(responseCode = "400", description = "Neither date nor from/to, to before from, or longer than a year (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body (idempotency-key-reuse)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The clinic is over its rate limit for creating requests (rate-limited); Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> add(
            @Parameter(description = "Retry-safe creation: the same key and body answer the first result for 24 h")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewClosure request) {
        UUID clinicId = caller.clinicId();
        return limits.acquire(clinicId).chain(() -> idempotency.create(clinicId, idempotencyKey, "POST /api/v1/closures", request,
                () -> closures.add(clinicId, request).map(added -> Created.of(
                        URI.create("/api/v1/closures/" + added.id), added.version, ClosureView.of(added))))
                .map(Created::toResponse));
    }

    @GET
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "The caller's clinic's closures, by first day, a page at a time")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClosureList.class)))
    public Uni<ClosureList> list(
            @Parameter(description = "1-100, 50 when absent") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return closures.list(caller.clinicId(), PageRequest.of(limit, cursor))
                .map(page -> new ClosureList(page.items(), page.nextCursor()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.BOOKING)
    @Operation(summary = "Reopen: remove a closure")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such closure in the caller's clinic (not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> remove(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return closures.remove(caller.clinicId(), Ids.parse("id", id)).map(removed -> Response.noContent().build());
    }
}

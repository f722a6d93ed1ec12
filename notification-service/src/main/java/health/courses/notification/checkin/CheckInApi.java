package health.courses.notification.checkin;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.RestResponse;

import health.courses.notification.problem.NotFound;
import health.courses.notification.problem.Problem;
import health.courses.notification.security.RateLimits;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The check-in answer as JSON, for an app: the same link token, the same rules, the same once-only answer. */
@Path("/api/v1/check-ins/{token}")
@PermitAll
@Tag(name = "Check-ins", description = "A patient answers a check-in through the token of its link")
public class CheckInApi {

    private final CheckInService checkIns;
    private final RateLimits limits;

    CheckInApi(CheckInService checkIns, RateLimits limits) {
        this.checkIns = checkIns;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a check-in once; the advice says what the patient should do now")
    // The token in the path is the only credential: no bearer token (security: []).
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "Answered",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "An answer missing or out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No check-in has this token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The link has expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Receipt> answer(@PathParam("token") String token, @Valid @NotNull Answer answer,
            @Context HttpServerRequest request) {
        // Per client address: the token is the only credential here, so guessing must stay slow.
        return limits.takeCheckIn(request, false).chain(() -> checkIns.answer(token, answer)).map(visit -> switch (visit.status()) {
            case ANSWERED_NOW -> new Receipt("answered", visit.decision().severity().code());
            case ANSWERED_BEFORE -> throw new AlreadyAnswered();
            case EXPIRED -> throw new LinkExpired();
            case NOT_FOUND, OPEN -> throw new NotFound("No check-in for this link");
        });
    }

    /**
     * @param advice {@code urgent}: call the physician now; {@code review}: the care team looks at it and gets in
     *        touch; {@code none}: the usual passing effects
     */
    @Schema(name = "CheckInReceipt")
    public record Receipt(@Schema(enumeration = "answered") String status,
            @Schema(enumeration = { "none", "review", "urgent" }) String advice) {
    }

    static class AlreadyAnswered extends RuntimeException {
        AlreadyAnswered() {
            super("This check-in was answered before; an answer is taken once", null, false, false);
        }
    }

    static class LinkExpired extends RuntimeException {
        LinkExpired() {
            super("This check-in link has expired", null, false, false);
        }
    }

    @ServerExceptionMapper
    public RestResponse<Problem> alreadyAnswered(AlreadyAnswered exception) {
        return Problem.of("check-in-answered", "Already answered", 409, exception.getMessage()).response();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> expired(LinkExpired exception) {
        return Problem.of("check-in-expired", "Link expired", 410, exception.getMessage()).response();
    }
}

package health.courses.notification.ops;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import health.courses.notification.clinic.CallerClinic;
import health.courses.notification.clinic.Roles;
import health.courses.notification.problem.NotFound;
import health.courses.notification.problem.Problem;
import health.courses.notification.security.RateLimits;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The dead letters of {@code treatment-course-events} for operators: list, inspect, replay. Scoped to the operator's
 * clinic: a record whose data names another clinic is not found; a record that names none (unreadable data) is
 * shown to every operator, with its payload redacted like any other.
 */
@Path("/api/v1/ops/dead-letters")
@Tag(name = "Operations", description = "Dead letters of the course events consumer")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final DeadLetterReplays replays;
    private final CallerClinic clinic;
    private final JsonWebToken token;

    private final RateLimits limits;

    DeadLetterResource(DeadLetters deadLetters, DeadLetterReplays replays, CallerClinic clinic, JsonWebToken token,
            RateLimits limits) {
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.clinic = clinic;
        this.token = token;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "The newest dead letters, newest first, with the reason and a redacted payload")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = DeadLetterView.Page.class)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeadLetterView.Page> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        UUID caller = clinic.id();
        return blocking(() -> deadLetters.newest(caller, limit))
                .chain(letters -> replays.replayedAt(deadLetters.topic())
                        .map(replayed -> new DeadLetterView.Page(letters.stream()
                                .map(letter -> view(letter, replayed)).toList())));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter: its headers (error included) and its redacted payload")
    @APIResponse(responseCode = "200", description = "The dead letter",
            content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "404", description = "No such record, or another clinic's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeadLetterView> get(@PathParam("id") String id) {
        DeadLetterId parsed = parse(id);
        UUID caller = clinic.id();
        return find(caller, parsed)
                .chain(letter -> replays.replayedAt(deadLetters.topic()).map(replayed -> view(letter, replayed)));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Publishes the original record again to the topic it came from, once",
            description = "The record keeps its key, value and CloudEvents headers and gains a replayed-from header;"
                    + " the consumer's inbox applies its event at most once.")
    @APIResponse(responseCode = "202", description = "Published; the consumer applies it shortly",
            content = @Content(schema = @Schema(implementation = DeadLetterReplays.Replay.class)))
    @APIResponse(responseCode = "404", description = "No such record, or another clinic's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Replayed before",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The clinic's write rate limit is reached; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Object>> replay(@PathParam("id") String id) {
        DeadLetterId parsed = parse(id);
        UUID caller = clinic.id();
        String operator = Optional.ofNullable(token.getSubject()).orElse(token.getName());
        return limits.takeClinicWrite(caller).chain(() -> find(caller, parsed))
                .chain(letter -> replays.replay(letter, deadLetters.clinicOf(letter), operator, caller))
                .map(done -> done.<RestResponse<Object>> map(replay -> RestResponse.status(RestResponse.Status.ACCEPTED, replay))
                        .orElseGet(() -> RestResponse.ResponseBuilder.<Object> create(409)
                                .entity(Problem.of("already-replayed", "Already replayed", 409,
                                        "Dead letter " + id + " was replayed before; its event is on the topic again"))
                                .type(Problem.MEDIA_TYPE).build()));
    }

    private Uni<DeadLetter> find(UUID caller, DeadLetterId id) {
        return blocking(() -> deadLetters.find(caller, id))
                .map(found -> found.orElseThrow(() -> new NotFound("No dead letter " + id.partition() + "-" + id.offset())));
    }

    private DeadLetterView view(DeadLetter letter, Map<String, OffsetDateTime> replayed) {
        var data = deadLetters.data(letter);
        return new DeadLetterView(letter.id(), letter.topic(), letter.partition(), letter.offset(),
                letter.deadLetteredAt(), letter.key(), letter.header("ce_id").orElse(null),
                letter.header("ce_type").orElse(null), deadLetters.clinicOf(letter).map(UUID::toString).orElse(null),
                letter.header("dead-letter-reason").orElse(null), letter.header("dead-letter-cause").orElse(null),
                letter.header("dead-letter-topic").orElse(null), letter.header("dead-letter-partition").orElse(null),
                letter.header("dead-letter-offset").orElse(null), letter.headerMap(), data.isPresent(),
                letter.value() == null ? 0 : letter.value().length, data.map(PayloadRedaction::redact).orElse(null),
                replayed.get(letter.id()));
    }

    /** A malformed id is bad input, named as such, not a missing record. */
    private static DeadLetterId parse(String id) {
        return DeadLetterId.parse(id).orElseThrow(() -> new InvalidDeadLetterId(id));
    }

    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    static final class InvalidDeadLetterId extends RuntimeException {
        InvalidDeadLetterId(String id) {
            super("id must be <partition>-<offset> of the dead-letter topic, e.g. 0-17", null, false, false);
        }
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public RestResponse<Problem> invalidId(InvalidDeadLetterId invalid) {
        return Problem.validation(invalid.getMessage(),
                List.of(new Problem.FieldError("id", "pattern", invalid.getMessage()))).response();
    }
}

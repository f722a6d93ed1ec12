package health.courses.scheduling.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.RuleViolation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on creating POSTs: the same key and body replays the first 201; the same key with another
 * body is refused. The key row is written in the transaction of the creation itself, so a replayed answer always
 * describes something that committed, and a refused or failed creation leaves the key free for a retry.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration KEPT_FOR = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotentRequestRepository requests;
    private final ObjectMapper json;
    private final Pool pool;

    Idempotency(IdempotentRequestRepository requests, ObjectMapper json, Pool pool) {
        this.requests = requests;
        this.json = json;
        this.pool = pool;
    }

    /**
     * Runs {@code create} in a transaction unless the key already answered. {@code operation} names what is
     * created (e.g. "POST /api/v1/courses") so one key cannot replay a room as a course.
     */
    public Uni<Created> create(UUID clinicId, String key, String operation, Object request,
            Supplier<Uni<Created>> create) {
        if (key == null) {
            return Panache.withTransaction(create);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(new InvalidInput(HEADER, "size",
                    "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String id = clinicId + "/" + key;
        String hash = hash(operation, request);
        return Panache.withTransaction(() -> requests.claim(id, clinicId, hash, KEPT_FOR)
                .flatMap(claimed -> requests.findById(id).flatMap(stored -> claimed
                        ? create.get().call(created -> remember(stored, created))
                        : replay(stored, hash))));
    }

    private Uni<Void> remember(IdempotentRequest stored, Created created) {
        stored.status = 201;
        stored.location = created.location().toString();
        stored.etag = created.etag();
        stored.body = write(created.body());
        return Uni.createFrom().voidItem();
    }

    private Uni<Created> replay(IdempotentRequest stored, String hash) {
        if (!stored.requestHash.equals(hash)) {
            return Uni.createFrom().failure(new RuleViolation(Problem.of("idempotency-key-reuse",
                    "Idempotency-Key reused", 422,
                    "This Idempotency-Key was already used with a different request; use a new key for a new request")));
        }
        return Uni.createFrom().item(new Created(URI.create(stored.location), stored.etag, stored.body, true));
    }

    /** Keys are kept 24 hours; after that a key may be used again (claim takes expired rows over as well). */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.preparedQuery("DELETE FROM scheduling.idempotent_request WHERE created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) KEPT_FOR.toSeconds()))
                .replaceWithVoid();
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(operation.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Requests are records, so their JSON has a fixed member order: equal requests give equal text. */
    private String write(Object value) {
        try {
            return value instanceof String text ? text : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass() + " as JSON", e);
        }
    }
}

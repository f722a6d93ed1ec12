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
        Key claimed;
        try {
            claimed = key(clinicId, key, operation, request);
        } catch (InvalidInput invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return Panache.withTransaction(() -> requests.claim(claimed.id(), clinicId, claimed.requestHash(), KEPT_FOR)
                .flatMap(fresh -> requests.findById(claimed.id()).flatMap(stored -> fresh
                        ? create.get().call(created -> remember(stored, created))
                        : replay(stored, claimed.requestHash()))));
    }

    /** A creating request's key as stored (clinic id + "/" + the client's key) and the hash of operation and body. */
    public record Key(String id, String requestHash) {
    }

    /**
     * For creations that claim the key in their own SQL (the booking: one statement reads and claims): validates the
     * header and hashes the request exactly as {@link #create} does. Null when the request has no key.
     */
    public Key key(UUID clinicId, String key, String operation, Object request) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInput(HEADER, "size", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return new Key(clinicId + "/" + key, hash(operation, request));
    }

    /** How long a key is kept; a claim takes over a row older than this. */
    public static Duration keptFor() {
        return KEPT_FOR;
    }

    /** The first answer to a key, or the refusal when the key came with another request. */
    public static Created replay(Key key, String storedHash, String location, String etag, String body) {
        if (!storedHash.equals(key.requestHash())) {
            throw reused();
        }
        return new Created(URI.create(location), etag, body, true);
    }

    /** The created body as the replay will answer it. */
    public String bodyOf(Created created) {
        return write(created.body());
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
            return Uni.createFrom().failure(reused());
        }
        return Uni.createFrom().item(new Created(URI.create(stored.location), stored.etag, stored.body, true));
    }

    private static RuleViolation reused() {
        return new RuleViolation(Problem.of("idempotency-key-reuse", "Idempotency-Key reused", 422,
                "This Idempotency-Key was already used with a different request; use a new key for a new request"));
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

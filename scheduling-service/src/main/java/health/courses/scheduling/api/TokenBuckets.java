package health.courses.scheduling.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Token buckets kept in PostgreSQL (table rate_limit_bucket, V71), so a clinic's limit is the clinic's whatever the
 * number of replicas: every replica takes from the same row. One statement per take, on the reactive pool (no
 * blocking call, no second pool, one round trip): it refills the bucket greedily for the time since its last take
 * (capacity per period, as Bucket4j's refillGreedy), takes one token if there is one, and says whether it did. Two
 * takes on one key serialise on the row; the later one re-reads the row the earlier one wrote. Time is the database's
 * own clock, the one clock every replica shares.
 */
@ApplicationScoped
public class TokenBuckets {

    /** available = the old tokens refilled for the elapsed time, capped at the capacity; SET sees the old row only. */
    private static final String TAKE = """
            INSERT INTO rate_limit_bucket AS bucket (key, tokens, refilled_at, taken)
            VALUES ($1, $2::float8 - 1, now(), true)
            ON CONFLICT (key) DO UPDATE SET
                taken = LEAST($2::float8, bucket.tokens
                        + GREATEST(0, extract(epoch FROM now() - bucket.refilled_at)) * $2::float8 / $3) >= 1,
                tokens = LEAST($2::float8, bucket.tokens
                        + GREATEST(0, extract(epoch FROM now() - bucket.refilled_at)) * $2::float8 / $3)
                    - CASE WHEN LEAST($2::float8, bucket.tokens
                        + GREATEST(0, extract(epoch FROM now() - bucket.refilled_at)) * $2::float8 / $3) >= 1
                      THEN 1 ELSE 0 END,
                refilled_at = GREATEST(bucket.refilled_at, now())
            RETURNING taken, tokens""";

    /** A bucket untouched for a whole period is full again: its row says nothing a missing row does not. */
    private static final String FORGET_FULL = """
            DELETE FROM rate_limit_bucket WHERE refilled_at < now() - make_interval(secs => $1)""";

    private final Pool pool;

    public TokenBuckets(Pool pool) {
        this.pool = pool;
    }

    /** What a take found: taken, or how long until the next token. */
    public record Take(boolean taken, Duration retryIn) {
    }

    /** Takes one token from {@code key}'s bucket of {@code capacity} tokens, refilled over {@code period}. */
    public Uni<Take> take(String key, int capacity, Duration period) {
        double seconds = period.toNanos() / 1e9;
        return pool.preparedQuery(TAKE).execute(Tuple.of(key, (double) capacity, seconds)).map(rows -> {
            Row row = rows.iterator().next();
            if (row.getBoolean("taken")) {
                return new Take(true, Duration.ZERO);
            }
            double missing = 1 - row.getDouble("tokens");
            return new Take(false, Duration.ofNanos((long) Math.ceil(missing * seconds / capacity * 1e9)));
        });
    }

    /** Drops the rows of buckets idle for longer than {@code longestPeriod}. */
    public Uni<Integer> forgetFull(Duration longestPeriod) {
        return pool.preparedQuery(FORGET_FULL).execute(Tuple.of(longestPeriod.toNanos() / 1e9))
                .map(rows -> rows.rowCount());
    }
}

package health.courses.notification.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;

/**
 * Issue 19: a limit is the clinic's whatever the replica count. Two limiters, each with its own Vert.x instance and
 * connection pool as two replicas have, take from one PostgreSQL at the same time: together they are refused after
 * exactly the capacity, and each take by either sees the other's. The service's own migrated schema is the store.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class LimitAcrossReplicasTest {

    private final List<io.vertx.core.Vertx> vertxes = new ArrayList<>();
    private final List<PgPool> pools = new ArrayList<>();

    @BeforeEach
    void twoReplicas() {
        for (int i = 0; i < 2; i++) {
            io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
            vertxes.add(vertx);
            var config = ConfigProvider.getConfig();
            PgConnectOptions options = PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url", String.class))
                    .setUser(config.getValue("quarkus.datasource.username", String.class))
                    .setPassword(config.getValue("quarkus.datasource.password", String.class))
                    .setProperties(Map.of("search_path", "notification"));
            pools.add(PgPool.pool(vertx, options, new PoolOptions().setMaxSize(4)));
        }
    }

    @AfterEach
    void stop() {
        pools.forEach(PgPool::close);
        vertxes.forEach(io.vertx.core.Vertx::close);
    }

    private TokenBuckets replica(int i) {
        return new TokenBuckets(io.vertx.mutiny.sqlclient.Pool.newInstance(pools.get(i)));
    }

    @Test
    void twoReplicasTogetherAreRefusedAfterExactlyTheClinicsCapacity() {
        TokenBuckets first = replica(0);
        TokenBuckets second = replica(1);
        String key = "clinic:" + UUID.randomUUID();
        int capacity = 25;
        // A day's refill for 25 tokens is one token per 58 minutes: none comes back while the test runs.
        Duration period = Duration.ofDays(1);

        // 40 takes from each replica, 8 at a time on each, all at once.
        List<Uni<TokenBuckets.Take>> takes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            takes.add(first.take(key, capacity, period));
            takes.add(second.take(key, capacity, period));
        }
        List<TokenBuckets.Take> results = Multi.createFrom().iterable(takes)
                .onItem().transformToUni(take -> take).merge(16)
                .collect().asList().await().atMost(Duration.ofMinutes(1));

        assertEquals(capacity, results.stream().filter(TokenBuckets.Take::taken).count(),
                "the two replicas together got exactly the clinic's capacity");
        // Refused ones are told to wait at most one refill interval (day / 25 = 57.6 min), not the whole period.
        results.stream().filter(take -> !take.taken()).forEach(take -> assertTrue(!take.retryIn().isNegative() && !take.retryIn().isZero()
                && take.retryIn().compareTo(period.dividedBy(capacity)) <= 0, "retry in " + take.retryIn()));
        // Each replica alone sees the shared bucket empty too.
        assertEquals(false, first.take(key, capacity, period).await().atMost(Duration.ofSeconds(10)).taken());
        assertEquals(false, second.take(key, capacity, period).await().atMost(Duration.ofSeconds(10)).taken());
    }

    @Test
    void anotherKeyHasItsOwnBucketAndAFullPeriodRefillsIt() {
        TokenBuckets first = replica(0);
        TokenBuckets second = replica(1);
        String busy = "clinic:" + UUID.randomUUID();
        String quiet = "clinic:" + UUID.randomUUID();
        assertTrue(first.take(busy, 1, Duration.ofDays(1)).await().indefinitely().taken());
        assertEquals(false, second.take(busy, 1, Duration.ofDays(1)).await().indefinitely().taken());
        assertTrue(second.take(quiet, 1, Duration.ofDays(1)).await().indefinitely().taken());

        // A moved clock rather than a wait: the bucket's last refill a day ago is a full bucket now.
        health.courses.notification.TestStack.execute(
                "update rate_limit_bucket set refilled_at = refilled_at - interval '1 day' where key = ?", busy);
        assertTrue(second.take(busy, 1, Duration.ofDays(1)).await().indefinitely().taken());
    }

    /** Not a test of speed (no threshold): the added latency of one take, printed for the report. */
    @Test
    void measuresTheLatencyOfATake() {
        TokenBuckets buckets = replica(0);
        int rounds = 2000;
        long[] nanos = new long[rounds];
        int taken = 0;
        for (int i = 0; i < rounds; i++) {
            String key = "clinic:" + UUID.randomUUID().toString().substring(0, 2);
            long start = System.nanoTime();
            taken += buckets.take(key, 1_000_000, Duration.ofMinutes(1)).await().indefinitely().taken() ? 1 : 0;
            nanos[i] = System.nanoTime() - start;
        }
        long[] measured = Arrays.copyOfRange(nanos, 200, rounds);
        Arrays.sort(measured);
        System.out.printf("rate-limit take (one statement on the reactive pool), %d takes after 200 warm-up: p50 %.2f ms, "
                + "p99 %.2f ms, max %.2f ms%n", measured.length, measured[measured.length / 2] / 1e6,
                measured[(int) (measured.length * 0.99)] / 1e6, measured[measured.length - 1] / 1e6);
        assertEquals(rounds, taken, "a bucket of a million tokens never refuses");
    }
}

package health.courses.notification.security;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Token buckets: a clinic's system that loops on a write, or a script that guesses check-in links, is slowed down
 * instead of filling the database or trying tokens at line rate. Kept in PostgreSQL ({@link TokenBuckets}, issue 19),
 * so a limit is the configured one whatever the number of replicas (it was per instance before).
 * <p>
 * Both takes are lazy: nothing is taken until the returned Uni is subscribed, so chain the operation after it.
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimitConfig config;
    private final TokenBuckets buckets;

    RateLimits(RateLimitConfig config, TokenBuckets buckets) {
        this.config = config;
        this.buckets = buckets;
    }

    /** One write by this clinic; fails with {@link RateLimited} when its bucket is empty. */
    public Uni<Void> takeClinicWrite(UUID clinicId) {
        return take(config.clinicWrites(), "clinic:" + clinicId, false);
    }

    /**
     * One check-in (or unsubscribe) request from this client. The address is the one Vert.x sees: the peer, or, with
     * {@code quarkus.http.proxy.proxy-address-forwarding} and the peer among {@code trusted-proxies}, the forwarded
     * client; a forged X-Forwarded-For from any other peer is ignored, so it cannot pick someone else's bucket.
     */
    public Uni<Void> takeCheckIn(HttpServerRequest request, boolean page) {
        return take(config.checkIn(), "ip:" + clientAddress(request), page);
    }

    /** The rate-limit key's address of a request, as {@link #takeCheckIn} uses it. */
    public static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private Uni<Void> take(RateLimitConfig.Limit limit, String key, boolean page) {
        if (!limit.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return buckets.take(key, limit.capacity(), limit.period()).invoke(take -> {
            if (!take.taken()) {
                long nanos = take.retryIn().toNanos();
                throw new RateLimited(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L), page);
            }
        }).replaceWithVoid();
    }

    /** Rows of buckets idle for a whole period are full again; dropping them keeps the table as small as the callers. */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetIdle() {
        Duration longest = config.checkIn().period().compareTo(config.clinicWrites().period()) > 0
                ? config.checkIn().period() : config.clinicWrites().period();
        return buckets.forgetFull(longest).replaceWithVoid();
    }
}

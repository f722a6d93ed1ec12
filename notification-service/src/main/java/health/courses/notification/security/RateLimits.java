package health.courses.notification.security;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;

/**
 * Token buckets (Bucket4j, in memory per instance, team contract): a clinic's system that loops on a write, or a
 * script that guesses check-in links, is slowed down instead of filling the database or trying tokens at line rate.
 * Per instance means the effective limit is the configured one times the replicas; good enough against a runaway
 * client, not meant as a quota.
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimitConfig config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(RateLimitConfig config) {
        this.config = config;
    }

    /** One write by this clinic; throws {@link RateLimited} when its bucket is empty. */
    public void clinicWrite(UUID clinicId) {
        take(config.clinicWrites(), "clinic:" + clinicId, false);
    }

    /**
     * One check-in request from this client. The address is the one Vert.x sees: the peer, or, with
     * {@code quarkus.http.proxy.proxy-address-forwarding} and a trusted proxy in front, the forwarded client.
     */
    public void checkIn(HttpServerRequest request, boolean page) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        take(config.checkIn(), "ip:" + address, page);
    }

    private void take(RateLimitConfig.Limit limit, String key, boolean page) {
        if (!limit.enabled()) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long nanos = probe.getNanosToWaitForRefill();
            throw new RateLimited(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L), page);
        }
    }

    /** Full buckets carry no state worth keeping; dropping them keeps the map as small as the recent callers. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdle() {
        buckets.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens() >= capacityOf(entry.getKey()));
    }

    private long capacityOf(String key) {
        return key.startsWith("ip:") ? config.checkIn().capacity() : config.clinicWrites().capacity();
    }
}

package health.courses.scheduling.api;

import health.courses.scheduling.problem.RateLimited;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limit of the creating POSTs, per clinic: one Bucket4j token bucket per clinic and instance, refilled greedily
 * (a steady trickle rather than a reset each period). In memory on purpose: a limit per instance is enough to stop
 * one clinic's runaway integration from starving the others, and needs no shared store. The map holds one small
 * bucket per clinic that created something; clinics come from signed tokens only, so it cannot be grown at will.
 */
@ApplicationScoped
public class CreationLimits {

    @ConfigMapping(prefix = "courses.rate-limit.create")
    public interface Config {
        /** Creations a clinic may burst; the bucket refills by as many per {@link #period()}. */
        int capacity();

        @WithDefault("1m")
        Duration period();

        /** Clinics (by clinic_id) with a capacity of their own. */
        Map<String, Integer> perClinic();
    }

    private final Config config;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    CreationLimits(Config config) {
        this.config = config;
    }

    /** Takes one creation from the clinic's bucket; 429 (rate-limited, with Retry-After) when it is empty. */
    public void take(UUID clinicId) {
        ConsumptionProbe probe = buckets.computeIfAbsent(clinicId, this::bucket).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(UUID clinicId) {
        int capacity = config.perClinic().getOrDefault(clinicId.toString(), config.capacity());
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, config.period()).build())
                .build();
    }
}

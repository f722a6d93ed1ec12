package health.courses.scheduling.api;

import health.courses.scheduling.problem.RateLimited;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Rate limit of the creating POSTs, per clinic: one token bucket per clinic, refilled greedily (a steady trickle
 * rather than a reset each period), kept in PostgreSQL ({@link TokenBuckets}) so that it is the clinic's limit
 * whatever the number of replicas (issue 19; it was per instance before). Enough to stop one clinic's runaway
 * integration from starving the others; clinics come from signed tokens only, so the table cannot be grown at will.
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
    private final TokenBuckets buckets;

    CreationLimits(Config config, TokenBuckets buckets) {
        this.config = config;
        this.buckets = buckets;
    }

    /**
     * Takes one creation from the clinic's bucket when subscribed (nothing is taken before); fails with 429
     * (rate-limited, with Retry-After) when it is empty.
     */
    public Uni<Void> acquire(UUID clinicId) {
        int capacity = config.perClinic().getOrDefault(clinicId.toString(), config.capacity());
        return buckets.take("create:" + clinicId, capacity, config.period()).invoke(take -> {
            if (!take.taken()) {
                throw new RateLimited(take.retryIn());
            }
        }).replaceWithVoid();
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetFull() {
        return buckets.forgetFull(config.period()).replaceWithVoid();
    }
}

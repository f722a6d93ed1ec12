package health.courses.notification.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "courses.notification.consumer")
public interface ConsumptionConfig {

    /**
     * Transient failures (database unreachable, lock timeout) are retried in place, with the delay doubling up
     * to {@code max}, for as long as it takes: the partition waits so a course's events keep their order, and
     * readiness reports the stall. Only events that can never be applied are dead-lettered.
     */
    Retry retry();

    interface Retry {
        Duration initial();

        Duration max();
    }
}

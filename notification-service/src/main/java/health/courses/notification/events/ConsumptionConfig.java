package health.courses.notification.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "courses.notification.consumer")
public interface ConsumptionConfig {

    /**
     * Transient failures (database unreachable, lock timeout) are retried in place, holding the partition so
     * a course's events keep their order; after the last attempt the record is dead-lettered.
     */
    Retry retry();

    interface Retry {
        Duration initial();

        Duration max();

        int attempts();
    }
}

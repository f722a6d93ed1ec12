package health.courses.notification.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "courses.notification.dispatch")
public interface DispatchConfig {

    /** How often to look for due notifications; also the longest a due notification waits. */
    Duration pollInterval();

    /** Claimed per transaction; a full batch is followed at once by the next. */
    int batchSize();

    /** Deliveries of one batch in flight at once. */
    int concurrency();

    /**
     * How long a claim protects a notification being sent. Must exceed twice {@link #sendTimeout()}: a
     * delivery starts only while at least that much of the lease is left.
     */
    Duration lease();

    /** A provider that has not answered by then counts as a failed attempt. */
    Duration sendTimeout();

    /** Attempts before a notification is given up as failed. */
    int maxAttempts();

    BackoffConfig backoff();

    interface BackoffConfig {
        Duration initial();

        Duration max();
    }
}

package health.courses.notification.notification;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the ceiling doubles per attempt up to {@code max}, and the delay is drawn from
 * its upper half, so retries of notifications that failed together (a provider outage) spread out instead of
 * returning as one burst.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max");
        }
    }

    /** The wait before the attempt after {@code failedAttempt} (1 for the first attempt). */
    public Duration delayAfter(int failedAttempt, RandomGenerator random) {
        int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), initial.toMillis() * (1L << doublings));
        long half = ceiling / 2;
        return Duration.ofMillis(ceiling - half + random.nextLong(half + 1));
    }
}

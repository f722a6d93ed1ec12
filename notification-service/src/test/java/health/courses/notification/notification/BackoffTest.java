package health.courses.notification.notification;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void theCeilingDoublesPerAttemptAndTheDelayStaysInItsUpperHalf() {
        SplittableRandom random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 5; attempt++) {
            long ceiling = 30_000L << (attempt - 1);
            for (int draw = 0; draw < 200; draw++) {
                long delay = backoff.delayAfter(attempt, random).toMillis();
                assertTrue(delay >= ceiling / 2 && delay <= ceiling, "attempt " + attempt + ": " + delay);
            }
        }
    }

    @Test
    void theDelayNeverExceedsTheMaximum() {
        SplittableRandom random = new SplittableRandom(11);
        for (int attempt = 7; attempt < 100; attempt++) {
            assertTrue(backoff.delayAfter(attempt, random).compareTo(Duration.ofMinutes(30)) <= 0);
        }
    }

    @Test
    void jitterSpreadsDelaysOfOneAttempt() {
        SplittableRandom random = new SplittableRandom(3);
        long distinct = IntStream.range(0, 50)
                .mapToObj(i -> backoff.delayAfter(3, random))
                .distinct().count();
        assertTrue(distinct > 1);
    }

    @Test
    void refusesANonsensicalRange() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }
}

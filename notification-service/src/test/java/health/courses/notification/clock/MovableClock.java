package health.courses.notification.clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the system's until a test pins it, so that what the service decides from "now"
 * (past due or not, DTSTAMP, link expiry) does not depend on how fast a loaded machine gets there. It replaces
 * {@link SystemClock}'s for every {@code @QuarkusTest}; a test that pins it releases it afterwards.
 *
 * <p>What it cannot move: the dispatcher claims due rows against the database's clock ({@code next_attempt_at <=
 * now()}), by design the one clock all replicas share, so a reminder still goes out at its real due time.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {

    private volatile Instant pinned;

    /** From now on "now" is {@code instant}, until {@link #release()} or the next pin. */
    public void pinAt(Instant instant) {
        pinned = instant;
    }

    /** Moves a pinned clock forward (pins the current time first if it was not pinned). */
    public void advance(Duration by) {
        pinned = instant().plus(by);
    }

    /** Back to the system's time. */
    public void release() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock same = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return same.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return same.withZone(other);
            }
        };
    }
}

package health.courses.scheduling.support;

import health.courses.scheduling.clinic.ClinicClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Places the clinic at a chosen date, so tests can book around the 2027 daylight-saving changes with an
 * evaluation that is neither in the future nor older than 30 days. Unset, it is the real clock.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends ClinicClock {

    private final AtomicReference<Instant> now = new AtomicReference<>();

    @Override
    public Instant now() {
        Instant fixed = now.get();
        return fixed != null ? fixed : super.now();
    }

    public void travelTo(Instant instant) {
        now.set(instant);
    }

    /** Noon UTC of {@code day}: the same date in every zone a test uses. */
    public void travelTo(LocalDate day) {
        now.set(day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
    }
}

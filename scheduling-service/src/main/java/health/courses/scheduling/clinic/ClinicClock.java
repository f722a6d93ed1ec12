package health.courses.scheduling.clinic;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Now" and "today" for the clinical and booking rules (evaluation age, start date not in the past). A bean of
 * its own so tests can place the clinic at a date near the 2027 daylight-saving changes they book around.
 */
@ApplicationScoped
public class ClinicClock {

    public Instant now() {
        return Clock.systemUTC().instant();
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(now(), zone);
    }
}

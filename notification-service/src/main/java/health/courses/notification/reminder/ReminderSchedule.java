package health.courses.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import health.courses.notification.contact.QuietHours;

/**
 * When a reminder goes out. All arithmetic is on instants (the session's instant minus the offset), so a
 * reminder 24 hours before a session just after a DST change is 24 real hours before it; only the quiet-hours
 * rule looks at the wall clock, in the patient's zone.
 */
public final class ReminderSchedule {

    /**
     * A reminder moved out of quiet hours goes this long before they begin: the latest moment that is not quiet,
     * so it stays as close as possible to the time the clinic asked for.
     */
    static final Duration BEFORE_QUIET_HOURS = Duration.ofMinutes(1);

    private ReminderSchedule() {
    }

    /**
     * The instant for a reminder {@code offset} before {@code sessionStart}. One that falls inside quiet hours
     * moves earlier, to one minute before the quiet period it fell into began (21:30 with quiet hours 21:00-08:00
     * goes out at 20:59 the same evening; 06:30 goes out at 20:59 the evening before).
     */
    public static Instant dueAt(Instant sessionStart, Duration offset, ZoneId patientZone, QuietHours quiet) {
        Instant due = sessionStart.minus(offset);
        ZonedDateTime local = due.atZone(patientZone);
        LocalTime time = local.toLocalTime();
        if (!quiet.contains(time)) {
            return due;
        }
        LocalDate quietBegan = quiet.from().isAfter(quiet.to()) && time.isBefore(quiet.to())
                ? local.toLocalDate().minusDays(1)
                : local.toLocalDate();
        // ZonedDateTime.of resolves a start that falls in a DST gap forward, which is still outside quiet hours.
        return ZonedDateTime.of(quietBegan, quiet.from(), patientZone).toInstant().minus(BEFORE_QUIET_HOURS);
    }
}

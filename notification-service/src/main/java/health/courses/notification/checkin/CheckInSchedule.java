package health.courses.notification.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import health.courses.notification.contact.QuietHours;
import health.courses.notification.settings.CheckInTiming;

/**
 * When the check-in messages go out. The check-in is due the day after the session at the clinic's local time in
 * the patient's zone, or a duration after the session ended. Unlike a reminder, which moves earlier out of quiet
 * hours, a check-in cannot go out before it is due: it waits until the quiet hours end.
 */
public final class CheckInSchedule {

    private CheckInSchedule() {
    }

    public static Instant dueAt(Instant sessionEnd, CheckInTiming timing, ZoneId patientZone) {
        if (timing.after() != null) {
            return sessionEnd.plus(Duration.parse(timing.after()));
        }
        LocalDate nextDay = sessionEnd.atZone(patientZone).toLocalDate().plusDays(1);
        // A local time in a DST gap resolves forward, still the same morning.
        return ZonedDateTime.of(nextDay, timing.nextDayAt(), patientZone).toInstant();
    }

    /** {@code due}, or the end of the quiet hours it falls into (e.g. 22:30 with 21:00-08:00 goes out at 08:00). */
    public static Instant outsideQuietHours(Instant due, ZoneId patientZone, QuietHours quiet) {
        ZonedDateTime local = due.atZone(patientZone);
        LocalTime time = local.toLocalTime();
        if (!quiet.contains(time)) {
            return due;
        }
        LocalDate quietEnds = quiet.from().isAfter(quiet.to()) && !time.isBefore(quiet.from())
                ? local.toLocalDate().plusDays(1)
                : local.toLocalDate();
        return ZonedDateTime.of(quietEnds, quiet.to(), patientZone).toInstant();
    }
}

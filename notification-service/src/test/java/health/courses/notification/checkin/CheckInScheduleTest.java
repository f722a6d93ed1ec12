package health.courses.notification.checkin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import health.courses.notification.contact.QuietHours;
import health.courses.notification.settings.CheckInTiming;

class CheckInScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @Test
    void theNextDayAtTenInThePatientsZoneAlsoAcrossTheChangeToSummerTime() {
        // Saturday 28 March 2026, 18:30 in Berlin; the clocks go forward that night.
        Instant sessionEnd = Instant.parse("2026-03-28T17:30:00Z");
        assertThat(CheckInSchedule.dueAt(sessionEnd, CheckInTiming.DEFAULT, BERLIN),
                equalTo(Instant.parse("2026-03-29T08:00:00Z")));
        // A patient in New York: that is still the 28th there, so the 29th at 10:00 New York time.
        assertThat(CheckInSchedule.dueAt(sessionEnd, CheckInTiming.DEFAULT, NEW_YORK),
                equalTo(Instant.parse("2026-03-29T14:00:00Z")));
    }

    @Test
    void aDurationAfterTheSessionEnds() {
        assertThat(CheckInSchedule.dueAt(Instant.parse("2026-03-28T17:30:00Z"), new CheckInTiming(null, "PT3H"), BERLIN),
                equalTo(Instant.parse("2026-03-28T20:30:00Z")));
    }

    @Test
    void insideQuietHoursItWaitsForThemToEndInsteadOfGoingEarlier() {
        // 22:30 Berlin (summer, UTC+2) ▶ 08:00 the next morning; 06:30 ▶ 08:00 the same morning; 12:00 stays.
        assertThat(CheckInSchedule.outsideQuietHours(Instant.parse("2026-06-10T20:30:00Z"), BERLIN, NIGHT),
                equalTo(Instant.parse("2026-06-11T06:00:00Z")));
        assertThat(CheckInSchedule.outsideQuietHours(Instant.parse("2026-06-11T04:30:00Z"), BERLIN, NIGHT),
                equalTo(Instant.parse("2026-06-11T06:00:00Z")));
        assertThat(CheckInSchedule.outsideQuietHours(Instant.parse("2026-06-11T10:00:00Z"), BERLIN, NIGHT),
                equalTo(Instant.parse("2026-06-11T10:00:00Z")));
    }
}

package health.courses.notification.reminder;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import health.courses.notification.contact.QuietHours;

class ReminderScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @Test
    void outsideQuietHoursTheReminderIsTheOffsetBeforeTheSession() {
        Instant session = OffsetDateTime.parse("2027-03-29T10:00:00+02:00").toInstant();

        assertThat(ReminderSchedule.dueAt(session, Duration.ofHours(2), BERLIN, NIGHT),
                equalTo(OffsetDateTime.parse("2027-03-29T08:00:00+02:00").toInstant()));
    }

    @Test
    void aReminderInTheEveningPartOfQuietHoursGoesOutJustBeforeTheyBeginThatEvening() {
        // 24 h before a 21:30 session is 21:30 the evening before: quiet.
        Instant session = OffsetDateTime.parse("2027-05-12T21:30:00+02:00").toInstant();

        assertThat(ReminderSchedule.dueAt(session, Duration.ofHours(24), BERLIN, NIGHT),
                equalTo(OffsetDateTime.parse("2027-05-11T20:59:00+02:00").toInstant()));
    }

    @Test
    void aReminderInTheMorningPartOfQuietHoursGoesOutTheEveningBefore() {
        Instant session = OffsetDateTime.parse("2027-05-12T08:30:00+02:00").toInstant();

        assertThat(ReminderSchedule.dueAt(session, Duration.ofHours(2), BERLIN, NIGHT),
                equalTo(OffsetDateTime.parse("2027-05-11T20:59:00+02:00").toInstant()));
    }

    @Test
    void quietHoursAreTheReadersWallClockNotTheClinics() {
        // 12:00 in Berlin is 06:00 in New York: quiet there, so the reminder moves to 20:59 New York time.
        Instant session = OffsetDateTime.parse("2027-05-12T14:00:00+02:00").toInstant();

        assertThat(ReminderSchedule.dueAt(session, Duration.ofHours(2), ZoneId.of("America/New_York"), NIGHT),
                equalTo(OffsetDateTime.parse("2027-05-11T20:59:00-04:00").toInstant()));
    }

    @Test
    void acrossTheSpringDstChangeTheReminderIsTwentyFourRealHoursBefore() {
        // Clocks in Berlin go forward on 28 March 2027 at 02:00. A 10:00 session that day (CEST, 08:00Z) gets its
        // 24 h reminder at 08:00Z the day before, which Berlin reads as 09:00 CET.
        Instant session = OffsetDateTime.parse("2027-03-28T10:00:00+02:00").toInstant();

        Instant due = ReminderSchedule.dueAt(session, Duration.ofHours(24), BERLIN, NIGHT);

        assertThat(due, equalTo(Instant.parse("2027-03-27T08:00:00Z")));
        assertThat(due.atZone(BERLIN).toLocalTime(), equalTo(LocalTime.of(9, 0)));
        assertThat(Duration.between(due, session), equalTo(Duration.ofHours(24)));
    }

    @Test
    void acrossTheSpringDstChangeAQuietReminderMovesToTheEveningBeforeInWinterTime() {
        // 08:30 CEST on the day of the change; 2 h before is 04:30 CEST (quiet), moved to 20:59 CET on the 27th.
        Instant session = OffsetDateTime.parse("2027-03-28T08:30:00+02:00").toInstant();

        assertThat(ReminderSchedule.dueAt(session, Duration.ofHours(2), BERLIN, NIGHT),
                equalTo(OffsetDateTime.parse("2027-03-27T20:59:00+01:00").toInstant()));
    }

    @Test
    void afterTheAutumnDstChangeTheReminderFollowsTheInstant() {
        // Clocks go back on 31 October 2027 at 03:00; a Monday 10:00 CET session's 24 h reminder is Sunday 10:00 CET.
        Instant session = OffsetDateTime.parse("2027-11-01T10:00:00+01:00").toInstant();

        assertThat(ReminderSchedule.dueAt(session, Duration.ofHours(24), BERLIN, NIGHT),
                equalTo(OffsetDateTime.parse("2027-10-31T10:00:00+01:00").toInstant()));
    }

    @Test
    void equalBoundsMeanNoQuietHours() {
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        Instant session = OffsetDateTime.parse("2027-05-12T05:00:00+02:00").toInstant();

        assertThat(ReminderSchedule.dueAt(session, Duration.ofHours(2), BERLIN, none),
                equalTo(OffsetDateTime.parse("2027-05-12T03:00:00+02:00").toInstant()));
    }

    @Test
    void daytimeQuietHoursMoveToJustBeforeTheyBeginTheSameDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        Instant session = OffsetDateTime.parse("2027-05-12T15:00:00+02:00").toInstant();

        assertThat(ReminderSchedule.dueAt(session, Duration.ofHours(2), BERLIN, lunch),
                equalTo(OffsetDateTime.parse("2027-05-12T11:59:00+02:00").toInstant()));
    }
}

package health.courses.scheduling.course;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.scheduling.clinic.OpeningHours;
import health.courses.scheduling.closure.ClosedDays;
import health.courses.scheduling.closure.Closure;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionPlannerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 22);
    private static final UUID PRACTITIONER = UUID.randomUUID();
    private static final UUID ROOM = UUID.randomUUID();

    @Test
    void aClosedPatternDayMovesToTheNearestDayOfItsWeekThatKeepsTheGap() {
        CoursePlan plan = plan(List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), 2);

        SessionPlanner.Schedule schedule = SessionPlanner.plan(plan, rules(closed(LocalDate.of(2027, 3, 25)), List.of()));

        assertThat(schedule.failures(), empty());
        PlannedSession moved = schedule.sessions().get(1);
        assertEquals(LocalDate.of(2027, 3, 26), moved.localDate());
        assertEquals(LocalDate.of(2027, 3, 25), moved.movedFrom());
        assertEquals(LocalTime.of(10, 0), moved.localTime());
        assertNull(schedule.sessions().get(0).movedFrom());
    }

    @Test
    void aClosedDayWithNoAllowedDayInItsWeekFailsAsClinicClosed() {
        CoursePlan plan = plan(List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), 3);

        SessionPlanner.Schedule schedule = SessionPlanner.plan(plan, rules(closed(LocalDate.of(2027, 3, 24)), List.of()));

        assertEquals(1, schedule.failures().size());
        Unschedulable failure = schedule.failures().get(0);
        assertEquals(2, failure.number());
        assertThat(failure.reasons(), contains(BookingRules.CLINIC_CLOSED));
        assertThat(failure.alternatives(), empty());
    }

    @Test
    void everyTakenOccurrenceIsNamedWithAlternativesTheSameDayFirst() {
        CoursePlan plan = plan(List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), 3);
        Occupied busy = new Occupied(PRACTITIONER, UUID.randomUUID(),
                MONDAY.atTime(9, 45).atZone(BERLIN).toInstant(), MONDAY.atTime(10, 45).atZone(BERLIN).toInstant());

        SessionPlanner.Schedule schedule = SessionPlanner.plan(plan, rules(ClosedDays.NONE, List.of(busy)));

        assertEquals(1, schedule.failures().size());
        Unschedulable failure = schedule.failures().get(0);
        assertEquals(1, failure.number());
        assertThat(failure.reasons(), contains(BookingRules.PRACTITIONER_BUSY));
        assertThat(failure.takenBy(), contains("practitioner"));
        assertThat(failure.alternatives(), contains("2027-03-22T09:15:00+01:00", "2027-03-22T10:45:00+01:00",
                "2027-03-22T09:00:00+01:00"));
        assertTrue(failure.onlyBusy());
    }

    private static CoursePlan plan(List<DayOfWeek> weekdays, int perWeek) {
        return CoursePlan.of(new CoursePattern(weekdays, perWeek, 4), MONDAY, LocalTime.of(10, 0), 30, BERLIN);
    }

    private static BookingRules rules(ClosedDays closed, List<Occupied> occupied) {
        return new BookingRules(BERLIN, OpeningHours.OFFICE_HOURS, closed, Duration.ofHours(44), occupied,
                PRACTITIONER, ROOM, 30, MONDAY);
    }

    private static ClosedDays closed(LocalDate day) {
        Closure closure = new Closure();
        closure.firstDay = day;
        closure.lastDay = day;
        return new ClosedDays(List.of(closure));
    }
}

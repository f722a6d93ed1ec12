package health.courses.scheduling.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.courses.scheduling.clinic.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoursePatternTest {

    private static final OpeningHours OFFICE = OpeningHours.OFFICE_HOURS;
    private static final LocalTime TEN = LocalTime.of(10, 0);

    @Test
    void choosesSpreadWeekdaysWhenNoneAreGiven() {
        assertEquals("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8", CoursePattern.choose(2, 4, null, OFFICE, TEN, 30).recurrence());
        assertEquals("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=24",
                CoursePattern.choose(3, 8, List.of(), OFFICE, TEN, 30).recurrence());
    }

    @Test
    void choosesTheFirstSpreadWhoseDaysAreAllOpenAtThatTime() {
        OpeningHours lateOnTuesdayAndFriday = new OpeningHours(List.of(
                new OpeningHours.Day(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new OpeningHours.Day(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                new OpeningHours.Day(DayOfWeek.THURSDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                new OpeningHours.Day(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(20, 0))));

        assertEquals("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8",
                CoursePattern.choose(2, 4, null, lateOnTuesdayAndFriday, TEN, 30).recurrence());
        assertEquals("FREQ=WEEKLY;BYDAY=TU,FR;COUNT=8",
                CoursePattern.choose(2, 4, null, lateOnTuesdayAndFriday, LocalTime.of(18, 0), 30).recurrence());
    }

    @Test
    void startsOnTheFirstPatternDayOnOrAfterTheStartDate() {
        CoursePattern pattern = CoursePattern.choose(2, 4, List.of(DayOfWeek.FRIDAY, DayOfWeek.TUESDAY), OFFICE, TEN, 30);

        List<LocalDate> dates = pattern.dates(LocalDate.of(2027, 3, 24));

        assertEquals("FREQ=WEEKLY;BYDAY=TU,FR;COUNT=8", pattern.recurrence());
        assertEquals(List.of(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 30), LocalDate.of(2027, 4, 2),
                LocalDate.of(2027, 4, 6), LocalDate.of(2027, 4, 9), LocalDate.of(2027, 4, 13),
                LocalDate.of(2027, 4, 16), LocalDate.of(2027, 4, 20)), dates);
    }
}

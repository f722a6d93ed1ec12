package health.courses.scheduling.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoursePatternTest {

    @Test
    void choosesSpreadWeekdaysWhenNoneAreGiven() {
        assertEquals("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8", CoursePattern.of(2, 4, null).recurrence());
        assertEquals("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=24", CoursePattern.of(3, 8, List.of()).recurrence());
    }

    @Test
    void startsOnTheFirstPatternDayOnOrAfterTheStartDate() {
        CoursePattern pattern = CoursePattern.of(2, 4, List.of(DayOfWeek.FRIDAY, DayOfWeek.TUESDAY));

        List<LocalDate> dates = pattern.dates(LocalDate.of(2027, 3, 24));

        assertEquals("FREQ=WEEKLY;BYDAY=TU,FR;COUNT=8", pattern.recurrence());
        assertEquals(List.of(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 30), LocalDate.of(2027, 4, 2),
                LocalDate.of(2027, 4, 6), LocalDate.of(2027, 4, 9), LocalDate.of(2027, 4, 13),
                LocalDate.of(2027, 4, 16), LocalDate.of(2027, 4, 20)), dates);
    }
}

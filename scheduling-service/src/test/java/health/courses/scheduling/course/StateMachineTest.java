package health.courses.scheduling.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import health.courses.scheduling.session.SessionStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The transition tables: final states allow nothing, and each change starts only where the domain says. */
class StateMachineTest {

    @Test
    void cancelledAndCompletedCoursesAndCancelledMissedCompletedSessionsAreFinal() {
        for (CourseChange change : CourseChange.values()) {
            assertFalse(change.allowedFrom(CourseStatus.CANCELLED), change.name());
            assertFalse(change.allowedFrom(CourseStatus.COMPLETED), change.name());
        }
        for (SessionChange change : SessionChange.values()) {
            for (SessionStatus last : EnumSet.of(SessionStatus.CANCELLED, SessionStatus.MISSED, SessionStatus.COMPLETED)) {
                assertFalse(change.allowedFrom(last), change + " from " + last);
            }
        }
    }

    @Test
    void onlyAHeldCourseResumesAndOnlyAScheduledSessionMovesOnItsOwn() {
        assertEquals(Set.of(CourseStatus.HELD), from(CourseChange.RESUME));
        assertEquals(Set.of(CourseStatus.SCHEDULED), from(CourseChange.HOLD));
        assertEquals(Set.of(CourseStatus.SCHEDULED, CourseStatus.HELD), from(CourseChange.CANCEL));
        assertEquals(CourseStatus.HELD, CourseChange.EXTEND.target(CourseStatus.HELD), "an extension keeps the status");
        assertEquals(Set.of(SessionStatus.SCHEDULED), from(SessionChange.RESCHEDULE));
        assertEquals(Set.of(SessionStatus.SCHEDULED, SessionStatus.HELD), from(SessionChange.CANCEL));
        assertEquals(Set.of(SessionStatus.SCHEDULED), from(SessionChange.COMPLETE));
    }

    private static Set<CourseStatus> from(CourseChange change) {
        return Arrays.stream(CourseStatus.values()).filter(change::allowedFrom).collect(Collectors.toSet());
    }

    private static Set<SessionStatus> from(SessionChange change) {
        return Arrays.stream(SessionStatus.values()).filter(change::allowedFrom).collect(Collectors.toSet());
    }
}

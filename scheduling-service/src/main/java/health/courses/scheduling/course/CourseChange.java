package health.courses.scheduling.course;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The course's state machine as a table: each change, the statuses it may start from and the status it leads to.
 * Cancelled and completed are final: no change starts from them.
 */
public enum CourseChange {
    HOLD("held", EnumSet.of(CourseStatus.SCHEDULED), CourseStatus.HELD),
    RESUME("resumed", EnumSet.of(CourseStatus.HELD), CourseStatus.SCHEDULED),
    /** Keeps the status: a held course stays held with its new sessions held too. */
    EXTEND("extended", EnumSet.of(CourseStatus.SCHEDULED, CourseStatus.HELD), null),
    CANCEL("cancelled", EnumSet.of(CourseStatus.SCHEDULED, CourseStatus.HELD), CourseStatus.CANCELLED),
    COMPLETE("completed", EnumSet.of(CourseStatus.SCHEDULED, CourseStatus.HELD), CourseStatus.COMPLETED);

    private final String participle;
    private final Set<CourseStatus> from;
    private final CourseStatus to;

    CourseChange(String participle, Set<CourseStatus> from, CourseStatus to) {
        this.participle = participle;
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(CourseStatus status) {
        return from.contains(status);
    }

    /** The status after the change; the current one for a change that keeps it. */
    public CourseStatus target(CourseStatus current) {
        return to == null ? current : to;
    }

    /** The audit log's action, e.g. course.held. */
    public String action() {
        return "course." + participle;
    }

    /** 409 illegal-transition naming the course's current status when this change cannot start from it. */
    public void require(Course course) {
        if (!allowedFrom(course.status)) {
            throw new IllegalTransition("course", course.id, course.status.word(), "it cannot be " + participle);
        }
    }

    static void requireFrom(UUID courseId, CourseStatus status, Set<CourseStatus> allowed, String refusal) {
        if (!allowed.contains(status)) {
            throw new IllegalTransition("course", courseId, status.word(), refusal);
        }
    }
}

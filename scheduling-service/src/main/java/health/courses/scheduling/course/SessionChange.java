package health.courses.scheduling.course;

import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * The session's state machine as a table: each change, the statuses it may start from, the status it leads to,
 * and the statuses the session's course must be in. Cancelled, missed and completed are final.
 */
public enum SessionChange {
    /** A held session moves only with its course (resume), never on its own. */
    RESCHEDULE("rescheduled", EnumSet.of(SessionStatus.SCHEDULED), SessionStatus.SCHEDULED,
            EnumSet.of(CourseStatus.SCHEDULED)),
    CANCEL("cancelled", EnumSet.of(SessionStatus.SCHEDULED, SessionStatus.HELD), SessionStatus.CANCELLED,
            EnumSet.of(CourseStatus.SCHEDULED, CourseStatus.HELD)),
    MISS("marked missed", EnumSet.of(SessionStatus.SCHEDULED), SessionStatus.MISSED,
            EnumSet.of(CourseStatus.SCHEDULED, CourseStatus.HELD)),
    COMPLETE("completed", EnumSet.of(SessionStatus.SCHEDULED), SessionStatus.COMPLETED,
            EnumSet.of(CourseStatus.SCHEDULED, CourseStatus.HELD)),
    HOLD("held", EnumSet.of(SessionStatus.SCHEDULED), SessionStatus.HELD, EnumSet.of(CourseStatus.SCHEDULED)),
    RESUME("resumed", EnumSet.of(SessionStatus.HELD), SessionStatus.SCHEDULED, EnumSet.of(CourseStatus.HELD));

    private final String participle;
    private final Set<SessionStatus> from;
    private final SessionStatus to;
    private final Set<CourseStatus> courseIn;

    SessionChange(String participle, Set<SessionStatus> from, SessionStatus to, Set<CourseStatus> courseIn) {
        this.participle = participle;
        this.from = from;
        this.to = to;
        this.courseIn = courseIn;
    }

    public boolean allowedFrom(SessionStatus status) {
        return from.contains(status);
    }

    public SessionStatus target() {
        return to;
    }

    /** The metric tag and the word used in problems. */
    /** The audit log's action, e.g. session.rescheduled. */
    public String action() {
        return "session." + word();
    }

    public String word() {
        return participle.replace("marked ", "");
    }

    /** 409 illegal-transition naming the current status of the course or of the session, whichever refuses. */
    void require(Course course, Session session) {
        CourseChange.requireFrom(course.id, course.status, courseIn, "its sessions cannot be " + participle);
        if (!allowedFrom(session.status)) {
            throw new IllegalTransition("session", session.id, session.status.word(), "it cannot be " + participle);
        }
    }
}

package health.courses.scheduling.course;

import health.courses.scheduling.problem.Conflict;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionView;
import java.time.ZoneId;

/** Completing or marking missed a session that has not begun: only the clinic's clock moving past it helps. */
public final class SessionNotStarted extends Conflict {

    public SessionNotStarted(Session session, ZoneId zone, String participle) {
        super(Problem.of("session-not-started", "Session not started", 409,
                        "Session " + session.number + " starts at " + SessionView.format(session.startsAt.atZone(zone))
                                + "; it cannot be " + participle + " before it starts")
                .with("currentStatus", session.status.word())
                .with("start", SessionView.format(session.startsAt.atZone(zone))));
    }
}

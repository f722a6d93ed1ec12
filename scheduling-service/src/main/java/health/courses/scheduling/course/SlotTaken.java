package health.courses.scheduling.course;

import health.courses.scheduling.problem.Conflict;
import health.courses.scheduling.problem.Problem;
import java.util.List;

/** One or more sessions of the course would double-book the practitioner or the room. Nothing is written. */
public final class SlotTaken extends Conflict {

    public SlotTaken(List<Unschedulable> sessions) {
        super(Problem.of("slot-taken", "Slot already taken", 409, describe(sessions)).with("conflicts", sessions));
    }

    static String describe(List<Unschedulable> sessions) {
        if (sessions.isEmpty()) {
            return "A session of this course collides with a session booked at the same time; nothing was booked";
        }
        return sessions.stream()
                .map(session -> "session " + session.number() + " at " + session.start() + " ("
                        + String.join(", ", session.reasons()) + ")")
                .collect(java.util.stream.Collectors.joining("; ", "", "; nothing was booked"));
    }
}

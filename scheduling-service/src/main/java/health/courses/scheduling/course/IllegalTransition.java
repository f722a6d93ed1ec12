package health.courses.scheduling.course;

import health.courses.scheduling.problem.Conflict;
import health.courses.scheduling.problem.Problem;
import java.util.UUID;

/** A change the state machine does not allow from the current status (e.g. resuming a cancelled course). */
public final class IllegalTransition extends Conflict {

    /** @param refusal what cannot happen, e.g. "it cannot be resumed" or "its sessions cannot be rescheduled" */
    public IllegalTransition(String resource, UUID id, String currentStatus, String refusal) {
        super(Problem.of("illegal-transition", "Illegal transition", 409,
                        "The " + resource + " " + id + " is " + currentStatus + "; " + refusal)
                .with("resource", resource)
                .with("currentStatus", currentStatus));
    }
}

package health.courses.scheduling.course;

import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.RuleViolation;
import java.util.List;

/**
 * Sessions of the course break the clinic's rules (closed, outside opening hours, too close), possibly beside
 * taken slots. Nothing is written; {@code conflicts} lists every such session with alternatives.
 */
public final class CourseNotSchedulable extends RuleViolation {

    public CourseNotSchedulable(List<Unschedulable> sessions) {
        super(Problem.of("course-not-schedulable", "Course cannot be scheduled", 422, SlotTaken.describe(sessions))
                .with("conflicts", sessions));
    }

    /** 409 when only taken slots stand in the way (retrying other times helps), else 422 (the rules refuse). */
    static RuntimeException of(List<Unschedulable> failures) {
        return failures.stream().allMatch(Unschedulable::onlyBusy) ? new SlotTaken(failures)
                : new CourseNotSchedulable(failures);
    }
}

package health.courses.notification.session;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The data of {@code course.held.v1}, {@code course.resumed.v1} and {@code course.cancelled.v1} as far as this
 * service reads it. Held sessions get no events of their own: {@code heldSessionIds} names them.
 */
public record CourseEvent(
        @NotNull UUID clinicId,
        @NotNull UUID courseId,
        @NotNull UUID patientId,
        @NotNull @PositiveOrZero Long version,
        List<@NotNull UUID> heldSessionIds) {

    public static final String HELD = "course.held.v1";
    public static final String RESUMED = "course.resumed.v1";
    public static final String CANCELLED = "course.cancelled.v1";
    public static final Set<String> TYPES = Set.of(HELD, RESUMED, CANCELLED);

    public CourseEvent {
        heldSessionIds = heldSessionIds == null ? List.of() : List.copyOf(heldSessionIds);
    }
}

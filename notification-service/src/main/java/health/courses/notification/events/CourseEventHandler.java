package health.courses.notification.events;

import java.util.Set;

import io.smallrye.mutiny.Uni;

/**
 * The effect of one event type. Runs inside the consumer's transaction, after the inbox accepted the event,
 * so it is applied at most once per {@code ce_id}; throwing {@link PoisonEvent} dead-letters the record.
 */
public interface CourseEventHandler {

    /** The CloudEvents {@code type}s this handler applies, e.g. {@code course.scheduled.v1}. */
    Set<String> types();

    Uni<Void> apply(CloudEvent event);
}

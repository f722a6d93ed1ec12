package health.courses.notification.events;

import java.util.UUID;

/** Fired after the transaction that applied an event committed: what it planned is now visible to dispatchers. */
public record CourseEventApplied(UUID eventId, String type) {
}

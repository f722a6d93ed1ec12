package health.courses.notification.events;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Fired after the transaction that applied an event committed: what it planned is now visible to dispatchers.
 *
 * @param earliestDue the earliest due time among the notifications it planned to send; empty if it planned none
 */
public record CourseEventApplied(UUID eventId, String type, Optional<OffsetDateTime> earliestDue) {
}

package health.courses.notification.reminder;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The template data of every session message (reminder, change notice, cancellation), stored as the notification's
 * payload. No contact data: the patient's zone and language are read from the contact when the message is written.
 *
 * @param clinicZone the zone the session was booked in
 * @param previousStart for a change notice: the time the session had before
 */
public record SessionLetter(UUID sessionId, UUID courseId, OffsetDateTime start, OffsetDateTime end, String clinicZone,
        int sequence, String clinicName, OffsetDateTime previousStart) {
}

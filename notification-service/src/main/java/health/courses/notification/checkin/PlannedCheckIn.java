package health.courses.notification.checkin;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A check-in about to be created, with its times already worked out. */
record PlannedCheckIn(UUID clinicId, UUID courseId, UUID sessionId, UUID patientId, OffsetDateTime sessionEndedAt,
        OffsetDateTime dueAt, OffsetDateTime followUpAt, OffsetDateTime unansweredAt) {
}

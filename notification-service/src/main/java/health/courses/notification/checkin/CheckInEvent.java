package health.courses.notification.checkin;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of {@code checkin.answered.v1}, {@code checkin.escalated.v1} and {@code checkin.unanswered.v1}, exactly
 * the fields of their JSON Schemas: ids, severity, rule version and time. Never the answers.
 */
record CheckInEvent(UUID clinicId, UUID courseId, UUID sessionId, UUID patientId, UUID checkInId, String severity,
        int ruleVersion, Instant occurredAt) {

    static final String ANSWERED = "checkin.answered.v1";
    static final String ESCALATED = "checkin.escalated.v1";
    static final String UNANSWERED = "checkin.unanswered.v1";

    static CheckInEvent of(CheckIn checkIn, String severity, int ruleVersion, Instant occurredAt) {
        return new CheckInEvent(checkIn.clinicId(), checkIn.courseId(), checkIn.sessionId(), checkIn.patientId(),
                checkIn.id(), severity, ruleVersion, occurredAt);
    }

    /** An answer without findings is {@code answered}; one that met a rule is {@code escalated} (the course is held). */
    static String typeFor(Severity severity) {
        return severity == Severity.NONE ? ANSWERED : ESCALATED;
    }
}

package health.courses.notification;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Session and course-hold events shaped as scheduling-service publishes them (team contract, PHASE 2). */
public final class SessionEvents {

    private SessionEvents() {
    }

    /** One session of one course, for one patient of one clinic. */
    public record Session(UUID clinicId, UUID courseId, UUID sessionId, UUID patientId) {

        public static Session random(UUID clinicId) {
            return new Session(clinicId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        }

        public Session another() {
            return new Session(clinicId, courseId, UUID.randomUUID(), patientId);
        }
    }

    public static ProducerRecord<String, byte[]> scheduled(Session session, OffsetDateTime start, long version) {
        return session(UUID.randomUUID(), "session.scheduled.v1", session, start, 0, "scheduled", version, null);
    }

    public static ProducerRecord<String, byte[]> rescheduled(Session session, OffsetDateTime start, int sequence,
            long version, OffsetDateTime previousStart) {
        return session(UUID.randomUUID(), "session.rescheduled.v1", session, start, sequence, "scheduled", version,
                previousStart);
    }

    public static ProducerRecord<String, byte[]> cancelled(Session session, OffsetDateTime start, long version) {
        return session(UUID.randomUUID(), "session.cancelled.v1", session, start, 0, "cancelled", version, null);
    }

    public static ProducerRecord<String, byte[]> session(UUID eventId, String type, Session session,
            OffsetDateTime start, int sequence, String status, long version, OffsetDateTime previousStart) {
        String previous = previousStart == null ? ""
                : ",\"previousStart\":\"%s\",\"previousEnd\":\"%s\"".formatted(previousStart, previousStart.plusMinutes(30));
        String data = """
                {"clinicId":"%s","courseId":"%s","sessionId":"%s","patientId":"%s","practitionerId":"%s",
                 "roomId":"%s","number":1,"start":"%s","end":"%s","zone":"Europe/Berlin","sequence":%d,
                 "status":"%s","version":%d%s}""".formatted(session.clinicId(), session.courseId(), session.sessionId(),
                session.patientId(), UUID.randomUUID(), UUID.randomUUID(), start, start.plusMinutes(30), sequence,
                status, version, previous);
        return withSubject(CourseEvents.event(eventId, type, session.courseId(), data.getBytes(StandardCharsets.UTF_8)),
                session.sessionId());
    }

    public static ProducerRecord<String, byte[]> courseHeld(Session course, long version, List<UUID> heldSessionIds) {
        String data = """
                {"clinicId":"%s","courseId":"%s","patientId":"%s","status":"held","version":%d,
                 "reason":"escalation","heldSessionIds":[%s]}""".formatted(course.clinicId(), course.courseId(),
                course.patientId(), version,
                heldSessionIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")));
        return CourseEvents.event(UUID.randomUUID(), "course.held.v1", course.courseId(),
                data.getBytes(StandardCharsets.UTF_8));
    }

    private static ProducerRecord<String, byte[]> withSubject(ProducerRecord<String, byte[]> record, UUID sessionId) {
        CourseEvents.header(record, "ce_subject", sessionId.toString());
        return record;
    }
}

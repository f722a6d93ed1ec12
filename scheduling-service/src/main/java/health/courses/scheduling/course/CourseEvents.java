package health.courses.scheduling.course;

import health.courses.scheduling.outbox.OutgoingEvent;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionView;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The events a course publishes (topic treatment-course-events, key = course id). Payloads carry what a consumer
 * needs to act without calling back, and never a patient's name, contact details or clinical findings.
 */
final class CourseEvents {

    static final String AGGREGATE = "course";
    static final String COURSE_SCHEDULED = "course.scheduled.v1";
    static final String SESSION_SCHEDULED = "session.scheduled.v1";

    record CourseScheduled(UUID clinicId, UUID courseId, UUID patientId, UUID practitionerId, UUID roomId,
            String zone, String status, int version, int sessionsPerWeek, int weeks, String recurrence,
            int sessionCount, String firstSessionStart, String lastSessionEnd) {
    }

    record SessionScheduled(UUID clinicId, UUID courseId, UUID sessionId, UUID patientId, UUID practitionerId,
            UUID roomId, int number, String start, String end, String zone, int sequence, String status,
            int version) {
    }

    private CourseEvents() {
    }

    /** The course first, then its sessions in order: consumers see the course before any of its sessions. */
    static List<OutgoingEvent> scheduled(Course course, List<Session> sessions) {
        ZoneId zone = ZoneId.of(course.zone);
        List<OutgoingEvent> events = new ArrayList<>(sessions.size() + 1);
        events.add(new OutgoingEvent(course.clinicId, AGGREGATE, course.id, COURSE_SCHEDULED, course.id.toString(),
                new CourseScheduled(course.clinicId, course.id, course.patientId, course.practitionerId,
                        course.roomId, course.zone, course.status.word(), course.version, course.sessionsPerWeek,
                        course.weeks, course.recurrence, sessions.size(),
                        SessionView.format(sessions.get(0).startsAt.atZone(zone)),
                        SessionView.format(sessions.get(sessions.size() - 1).endsAt.atZone(zone)))));
        for (Session session : sessions) {
            events.add(new OutgoingEvent(course.clinicId, AGGREGATE, course.id, SESSION_SCHEDULED,
                    session.id.toString(),
                    new SessionScheduled(course.clinicId, course.id, session.id, course.patientId,
                            session.practitionerId, session.roomId, session.number,
                            SessionView.format(session.startsAt.atZone(zone)),
                            SessionView.format(session.endsAt.atZone(zone)), course.zone, session.sequence,
                            session.status.word(), session.version)));
        }
        return events;
    }
}

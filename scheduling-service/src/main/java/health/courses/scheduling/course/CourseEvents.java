package health.courses.scheduling.course;

import health.courses.scheduling.outbox.OutgoingEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionStatus;
import health.courses.scheduling.session.SessionView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
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
    static final String SESSION_RESCHEDULED = "session.rescheduled.v1";
    static final String SESSION_CANCELLED = "session.cancelled.v1";
    static final String SESSION_MISSED = "session.missed.v1";
    static final String SESSION_COMPLETED = "session.completed.v1";
    static final String COURSE_RESUMED = "course.resumed.v1";
    static final String COURSE_EXTENDED = "course.extended.v1";
    static final String COURSE_CANCELLED = "course.cancelled.v1";
    static final String COURSE_COMPLETED = "course.completed.v1";

    record CourseScheduled(UUID clinicId, UUID courseId, UUID patientId, UUID practitionerId, UUID roomId,
            String zone, String status, int version, int sessionsPerWeek, int weeks, String recurrence,
            int sessionCount, String firstSessionStart, String lastSessionEnd, List<BookedSession> sessions) {
    }

    /**
     * One session of course.scheduled.v1: enough for a calendar of the whole course (notification-service's
     * course-booked mail) before the session.scheduled.v1 events that follow have been read.
     */
    record BookedSession(UUID sessionId, int number, String start, String end, int sequence) {
    }

    record SessionScheduled(UUID clinicId, UUID courseId, UUID sessionId, UUID patientId, UUID practitionerId,
            UUID roomId, int number, String start, String end, String zone, int sequence, String status,
            int version) {
    }

    /** session.rescheduled/cancelled/missed/completed.v1: the session as it is now; absent members are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionChanged(UUID clinicId, UUID courseId, UUID sessionId, UUID patientId, UUID practitionerId,
            UUID roomId, int number, String start, String end, String zone, int sequence, String status,
            int version, String reason, String previousStart, String previousEnd) {
    }

    /**
     * course.resumed/extended/cancelled/completed.v1. sessionCount, firstSessionStart and lastSessionEnd describe the
     * sessions that are not cancelled (all of them when every one is cancelled, so the members stay meaningful).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CourseChanged(UUID clinicId, UUID courseId, UUID patientId, UUID practitionerId, UUID roomId, String zone,
            String status, int version, int sessionsPerWeek, int weeks, String recurrence, int sessionCount,
            String firstSessionStart, String lastSessionEnd, String reason) {
    }

    private CourseEvents() {
    }

    static OutgoingEvent sessionScheduled(Course course, Session session) {
        ZoneId zone = ZoneId.of(course.zone);
        return new OutgoingEvent(course.clinicId, AGGREGATE, course.id, SESSION_SCHEDULED, session.id.toString(),
                new SessionScheduled(course.clinicId, course.id, session.id, course.patientId, session.practitionerId,
                        session.roomId, session.number, SessionView.format(session.startsAt.atZone(zone)),
                        SessionView.format(session.endsAt.atZone(zone)), course.zone, session.sequence,
                        session.status.word(), session.version));
    }

    /** {@code previous} is the session's former start and end, for session.rescheduled.v1 only. */
    static OutgoingEvent sessionChanged(String type, Course course, Session session, String reason,
            Instant previousStart, Instant previousEnd) {
        ZoneId zone = ZoneId.of(course.zone);
        return new OutgoingEvent(course.clinicId, AGGREGATE, course.id, type, session.id.toString(),
                new SessionChanged(course.clinicId, course.id, session.id, course.patientId, session.practitionerId,
                        session.roomId, session.number, SessionView.format(session.startsAt.atZone(zone)),
                        SessionView.format(session.endsAt.atZone(zone)), course.zone, session.sequence,
                        session.status.word(), session.version, reason,
                        previousStart == null ? null : SessionView.format(previousStart.atZone(zone)),
                        previousEnd == null ? null : SessionView.format(previousEnd.atZone(zone))));
    }

    static OutgoingEvent courseChanged(String type, Course course, List<Session> sessions, String reason) {
        ZoneId zone = ZoneId.of(course.zone);
        List<Session> counted = sessions.stream().filter(session -> session.status != SessionStatus.CANCELLED).toList();
        if (counted.isEmpty()) {
            counted = sessions;
        }
        Instant first = counted.stream().map(session -> session.startsAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = counted.stream().map(session -> session.endsAt).max(Comparator.naturalOrder()).orElseThrow();
        return new OutgoingEvent(course.clinicId, AGGREGATE, course.id, type, course.id.toString(),
                new CourseChanged(course.clinicId, course.id, course.patientId, course.practitionerId, course.roomId,
                        course.zone, course.status.word(), course.version, course.sessionsPerWeek, course.weeks,
                        course.recurrence, counted.size(), SessionView.format(first.atZone(zone)),
                        SessionView.format(last.atZone(zone)), reason));
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
                        SessionView.format(sessions.get(sessions.size() - 1).endsAt.atZone(zone)),
                        sessions.stream().map(session -> new BookedSession(session.id, session.number,
                                SessionView.format(session.startsAt.atZone(zone)),
                                SessionView.format(session.endsAt.atZone(zone)), session.sequence)).toList())));
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

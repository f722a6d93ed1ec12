package health.courses.notification.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.events.CloudEvent;
import health.courses.notification.events.CourseEventHandler;
import health.courses.notification.events.EventData;
import health.courses.notification.session.CourseEvent;
import health.courses.notification.session.SessionState;
import health.courses.notification.session.SessionStateRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Course-level changes. A hold withdraws the reminders of the sessions it lists and tells the patient; a resume
 * plans the remaining sessions' reminders again; a cancellation withdraws everything still to come. Each applies
 * only when newer than the last course event seen, so a late, older hold cannot undo a resume.
 */
@ApplicationScoped
public class CourseEventsPlanner implements CourseEventHandler {

    private final EventData data;
    private final SessionStateRepository sessions;
    private final ReminderService reminders;
    private final Clock clock;

    CourseEventsPlanner(EventData data, SessionStateRepository sessions, ReminderService reminders, Clock clock) {
        this.clock = clock;
        this.data = data;
        this.sessions = sessions;
        this.reminders = reminders;
    }

    @Override
    public Set<String> types() {
        return CourseEvent.TYPES;
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        CourseEvent course = data.read(event, CourseEvent.class);
        String status = switch (event.type()) {
            case CourseEvent.HELD -> "held";
            case CourseEvent.CANCELLED -> "cancelled";
            default -> "scheduled";
        };
        return sessions.applyCourseIfNewer(course, status).chain(newer -> {
            if (!newer) {
                return Uni.createFrom().voidItem();
            }
            return switch (event.type()) {
                case CourseEvent.HELD -> hold(course);
                case CourseEvent.CANCELLED -> cancel(course);
                default -> resume(course);
            };
        });
    }

    private Uni<Void> hold(CourseEvent course) {
        return sessions.hold(course.clinicId(), course.heldSessionIds())
                .chain(() -> reminders.withdrawReminders(course.heldSessionIds(), "held"))
                .chain(() -> reminders.courseNotice(course.clinicId(), course.patientId(), course.courseId(),
                        course.version(), MessageKind.COURSE_HELD));
    }

    private Uni<Void> cancel(CourseEvent course) {
        return sessions.ofCourse(course.clinicId(), course.courseId())
                .chain(all -> reminders.withdrawReminders(all.stream().map(SessionState::sessionId).toList(),
                        "course-cancelled"))
                .chain(() -> sessions.cancelCourse(course.clinicId(), course.courseId()))
                .chain(() -> reminders.courseNotice(course.clinicId(), course.patientId(), course.courseId(),
                        course.version(), MessageKind.COURSE_CANCELLED));
    }

    private Uni<Void> resume(CourseEvent course) {
        Instant now = clock.instant();
        return sessions.resume(course.clinicId(), course.courseId())
                .chain(() -> sessions.ofCourse(course.clinicId(), course.courseId()))
                .chain(all -> Multi.createFrom().iterable(all)
                        .filter(session -> session.startsAt().toInstant().isAfter(now))
                        .onItem().transformToUniAndConcatenate(reminders::planReminders)
                        .collect().last().replaceWithVoid());
    }
}

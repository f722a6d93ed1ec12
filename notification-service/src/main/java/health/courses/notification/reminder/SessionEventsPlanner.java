package health.courses.notification.reminder;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import health.courses.notification.events.CloudEvent;
import health.courses.notification.events.CourseEventHandler;
import health.courses.notification.events.EventData;
import health.courses.notification.session.SessionEvent;
import health.courses.notification.session.SessionState;
import health.courses.notification.session.SessionStateRepository;
import io.smallrye.mutiny.Uni;

/**
 * Session events: update the projection, and only if the event is newer than what we know, withdraw the
 * reminders planned from the old state, plan from the new one and tell the patient what changed. An older or
 * repeated event (replay, redelivery with a new id, out of order) changes nothing, so it cannot bring back a
 * withdrawn reminder.
 */
@ApplicationScoped
public class SessionEventsPlanner implements CourseEventHandler {

    private static final Logger LOG = Logger.getLogger(SessionEventsPlanner.class);

    private final EventData data;
    private final SessionStateRepository sessions;
    private final ReminderService reminders;

    SessionEventsPlanner(EventData data, SessionStateRepository sessions, ReminderService reminders) {
        this.data = data;
        this.sessions = sessions;
        this.reminders = reminders;
    }

    @Override
    public Set<String> types() {
        return SessionEvent.TYPES;
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        SessionEvent session = data.read(event, SessionEvent.class);
        return sessions.applyIfNewer(session, statusOf(event.type(), session)).chain(applied -> {
            if (applied.isEmpty()) {
                LOG.debugf("Session %s version %d is not newer than ours; %s ignored", session.sessionId(),
                        session.version(), event.type());
                return Uni.createFrom().voidItem();
            }
            SessionState current = applied.get().state();
            // A session we did not know has no reminders to withdraw: skip the statement.
            Uni<?> withdrawn = applied.get().created() ? Uni.createFrom().voidItem()
                    : reminders.withdrawReminders(List.of(session.sessionId()), reasonOf(event.type()));
            return withdrawn.chain(() -> react(event.type(), current, session));
        });
    }

    private Uni<Void> react(String type, SessionState current, SessionEvent session) {
        return switch (type) {
            case SessionEvent.SCHEDULED -> reminders.planReminders(current);
            case SessionEvent.RESCHEDULED -> reminders.planReminders(current)
                    .chain(() -> current.held() ? Uni.createFrom().voidItem()
                            : reminders.sessionNotice(current, MessageKind.CHANGED, session.previousStart()));
            case SessionEvent.CANCELLED -> reminders.sessionNotice(current, MessageKind.CANCELLED, null);
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The type decides: a session.cancelled.v1 is cancelled whatever its status field says. */
    private static String statusOf(String type, SessionEvent session) {
        return switch (type) {
            case SessionEvent.SCHEDULED, SessionEvent.RESCHEDULED -> SessionState.SCHEDULED;
            case SessionEvent.CANCELLED -> "cancelled";
            case SessionEvent.MISSED -> "missed";
            case SessionEvent.COMPLETED -> "completed";
            default -> session.status();
        };
    }

    private static String reasonOf(String type) {
        return switch (type) {
            case SessionEvent.RESCHEDULED -> "rescheduled";
            case SessionEvent.CANCELLED -> "cancelled";
            case SessionEvent.MISSED -> "missed";
            case SessionEvent.COMPLETED -> "completed";
            default -> "superseded";
        };
    }
}

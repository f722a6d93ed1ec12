package health.courses.notification.reminder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import health.courses.notification.events.CloudEvent;
import health.courses.notification.events.CourseEventHandler;
import health.courses.notification.events.EventData;
import health.courses.notification.notification.NotificationPlanner;
import health.courses.notification.notification.SendTrace;
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
    private final NotificationPlanner planner;

    SessionEventsPlanner(EventData data, SessionStateRepository sessions, ReminderService reminders,
            NotificationPlanner planner) {
        this.data = data;
        this.sessions = sessions;
        this.reminders = reminders;
        this.planner = planner;
    }

    @Override
    public Set<String> types() {
        return SessionEvent.TYPES;
    }

    @Override
    public Optional<Class<?>> dataRecord() {
        return Optional.of(SessionEvent.class);
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

    /**
     * A run of {@code session.scheduled.v1} (a booking's sessions, a consumed backlog) in five statements whatever
     * its length: one upsert of every session, one withdrawal for those we knew, one read of the clinics' settings,
     * one of the patients' preferences, one insert of every reminder. Other types, and a run naming a session twice, go one
     * event at a time.
     */
    @Override
    public Uni<Void> applyRun(List<Applying> run) {
        if (run.size() < 2 || !SessionEvent.SCHEDULED.equals(run.get(0).event().type())) {
            return CourseEventHandler.super.applyRun(run);
        }
        List<SessionEvent> events = run.stream().map(applying -> data.read(applying.event(), SessionEvent.class))
                .toList();
        if (events.stream().map(SessionEvent::sessionId).distinct().count() < events.size()) {
            return CourseEventHandler.super.applyRun(run);
        }
        return sessions.applyAllIfNewer(events, SessionState.SCHEDULED).chain(applied -> {
            List<UUID> known = applied.values().stream().filter(written -> !written.created())
                    .map(written -> written.state().sessionId()).toList();
            Uni<?> withdrawn = known.isEmpty() ? Uni.createFrom().voidItem()
                    : reminders.withdrawReminders(known, reasonOf(SessionEvent.SCHEDULED));
            return withdrawn.chain(() -> plansOf(run, events, applied)).chain(planner::planTraced).replaceWithVoid();
        });
    }

    /**
     * Each applied session's reminders, carrying the trace of the event that scheduled it: the run's clinics'
     * settings and patients' preferences are read in one statement each, then every session is planned in memory.
     */
    private Uni<List<NotificationPlanner.Traced>> plansOf(List<Applying> run, List<SessionEvent> events,
            Map<UUID, SessionStateRepository.Applied> applied) {
        List<SessionState> written = new ArrayList<>();
        List<Optional<String>> traceparents = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            SessionStateRepository.Applied state = applied.get(events.get(i).sessionId());
            if (state == null) {
                LOG.debugf("Session %s version %d is not newer than ours; %s ignored", events.get(i).sessionId(),
                        events.get(i).version(), SessionEvent.SCHEDULED);
                continue;
            }
            written.add(state.state());
            traceparents.add(SendTrace.traceparentOf(run.get(i).span()));
        }
        return reminders.remindersFor(written).map(plans -> {
            List<NotificationPlanner.Traced> plan = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                Optional<String> traceparent = traceparents.get(i);
                plans.get(i).forEach(reminder -> plan.add(new NotificationPlanner.Traced(reminder, traceparent)));
            }
            return plan;
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

package health.courses.notification.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes down what the dispatcher's attempts came to: a batch's sent notifications in one statement, any other outcome
 * at once. Every write is guarded by the claimed attempt, so a claim another dispatcher took over changes nothing and
 * is only logged. Counts each attempt ({@code courses.notifications.deliveries}) and each final outcome.
 */
@ApplicationScoped
class OutcomeRecorder {

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);

    private final NotificationRepository notifications;
    private final Claims claims;
    private final MeterRegistry metrics;
    private final NotificationMetrics outcomes;
    private final Clock clock;

    OutcomeRecorder(NotificationRepository notifications, Claims claims, MeterRegistry metrics,
            NotificationMetrics outcomes, Clock clock) {
        this.clock = clock;
        this.notifications = notifications;
        this.claims = claims;
        this.metrics = metrics;
        this.outcomes = outcomes;
    }

    /** Must run on a context of the delivery's own: it opens a Hibernate transaction there. */
    Uni<Void> record(Notification notification, Outcome.Unsent outcome) {
        return Panache.withTransaction(() -> outcome.record(notifications, notification))
                .invoke(recorded -> {
                    attempted(notification, outcome.name());
                    if (!recorded) {
                        LOG.warnf("Notification %s was taken over by another dispatcher before its %s was recorded",
                                notification.id(), outcome.name());
                        return;
                    }
                    if (outcome instanceof Outcome.Failed) {
                        outcomes.failed(notification);
                    } else if (outcome instanceof Outcome.Withdrawn) {
                        outcomes.withdrawn(notification.kind(), notification.channel(), 1);
                    }
                    LOG.infof("Notification %s (%s) attempt %d: %s", notification.id(), notification.kind(),
                            notification.attempts(), outcome);
                })
                .replaceWithVoid();
    }

    /** A batch's sent notifications, in one statement. */
    Uni<Void> recordSent(List<Notification> sent) {
        return claims.markSent(sent).invoke(marked -> countSent(sent, marked)).replaceWithVoid();
    }

    private void countSent(List<Notification> sent, Set<UUID> marked) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Notification notification : sent) {
            attempted(notification, "sent");
            if (marked.contains(notification.id())) {
                outcomes.sent(notification, now);
                LOG.debugf("Notification %s (%s) sent; trace %s", notification.id(), notification.kind(),
                        notification.traceparent() == null ? "none" : notification.traceparent().split("-")[1]);
            } else {
                LOG.warnf("Notification %s was taken over by another dispatcher before its sent was recorded",
                        notification.id());
            }
        }
    }

    private void attempted(Notification notification, String outcome) {
        metrics.counter("courses.notifications.deliveries", "kind", notification.kind(),
                "channel", notification.channel(), "outcome", outcome).increment();
    }
}

package health.courses.scheduling.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import health.courses.scheduling.audit.Actor;
import health.courses.scheduling.audit.AuditTrail;
import health.courses.scheduling.course.CourseHold;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The way back from notification-service: consumes patient-checkin-events. A {@code checkin.escalated.v1} holds the
 * course; every other type is only recorded. The inbox row, the hold and its course.held.v1 outbox row commit in one
 * transaction, so a redelivered event (same ce_id) changes nothing. A record that cannot be read, or whose
 * processing still fails after a few retries, is nacked and the connector moves it to patient-checkin-events.dlq;
 * consumption goes on. The offset is committed only after the transaction (the connector acks after the returned Uni
 * completes).
 */
@ApplicationScoped
class CheckInEvents {

    private static final Logger LOG = Logger.getLogger(CheckInEvents.class);
    private static final int RETRIES = 3;

    private final Inbox inbox;
    private final CourseHold hold;
    private final ObjectMapper json;
    private final AuditTrail audit;

    CheckInEvents(Inbox inbox, CourseHold hold, ObjectMapper json, AuditTrail audit) {
        this.inbox = inbox;
        this.hold = hold;
        this.json = json;
        this.audit = audit;
    }

    @Incoming("checkin-events")
    Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> CheckInEvent.of(record, json))
                .flatMap(event -> Panache.withTransaction(() -> inbox.firstTime(event)
                                .flatMap(first -> first ? apply(event) : duplicate(event)))
                        // A transient failure (a deadlock with a concurrent change of the course, a dropped connection)
                        // must not send a valid escalation to the dead-letter topic: the transaction rolled back, so
                        // an immediate retry starts clean. Immediate, because a delayed retry would resume off the
                        // Vert.x context Hibernate Reactive needs. An unreadable record never heals and is not retried.
                        .onFailure(failure -> !(failure instanceof CheckInEvent.UnreadableCheckIn))
                        .retry().atMost(RETRIES));
    }

    private Uni<Void> apply(CheckInEvent event) {
        if (!event.escalated()) {
            return Uni.createFrom().voidItem();
        }
        return hold.hold(event.clinicId(), event.courseId(), event.holdReason())
                .flatMap(held -> {
                    if (held.isPresent()) {
                        LOG.infof("Course %s held (%s, check-in event %s, %d sessions held)", event.courseId(),
                                event.holdReason(), event.id(), held.get().heldSessionIds().size());
                        return audit.record(Actor.system(event.clinicId(), "checkin-escalation"), "course.held", "course",
                                        event.courseId())
                                .flatMap(ignored -> inbox.outcome(event, "held"));
                    }
                    // Already held, cancelled, completed or unknown: the escalation is kept, the course left as it is.
                    return inbox.outcome(event, "no-change");
                });
    }

    private static Uni<Void> duplicate(CheckInEvent event) {
        LOG.debugf("Check-in event %s (%s) already processed; skipped", event.id(), event.type());
        return Uni.createFrom().voidItem();
    }
}

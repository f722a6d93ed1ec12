package health.courses.scheduling.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import health.courses.scheduling.audit.Actor;
import health.courses.scheduling.audit.AuditTrail;
import health.courses.scheduling.confirmation.PatientReply;
import health.courses.scheduling.confirmation.SessionReplies;
import health.courses.scheduling.course.CourseHold;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The way back from notification-service: consumes patient-checkin-events, routed by ce_type. A
 * {@code checkin.escalated.v1} holds the course; a patient's reply ({@code session.confirmation-received.v1},
 * {@code session.reschedule-requested.v1}) sets the session's confirmation ({@link SessionReplies}); every other type
 * is only recorded. The inbox row, the hold and its course.held.v1 outbox row commit in one
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
    private final SessionReplies replies;

    CheckInEvents(Inbox inbox, CourseHold hold, ObjectMapper json, AuditTrail audit, SessionReplies replies) {
        this.inbox = inbox;
        this.hold = hold;
        this.json = json;
        this.audit = audit;
        this.replies = replies;
    }

    @Incoming("checkin-events")
    Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> CheckInEvent.of(record, json))
                .flatMap(event -> {
                    // A reply is read whole before the transaction: an invalid one fails here, unretried, into the DLQ.
                    Optional<PatientReply> reply = reply(event, record);
                    return Panache.withTransaction(() -> inbox.firstTime(event)
                                    .flatMap(first -> first ? apply(event, reply) : duplicate(event)))
                            // A transient failure (a deadlock with a concurrent change of the course, a dropped
                            // connection) must not send a valid event to the dead-letter topic: the transaction rolled
                            // back, so an immediate retry starts clean. Immediate, because a delayed retry would resume
                            // off the Vert.x context Hibernate Reactive needs.
                            .onFailure().retry().atMost(RETRIES);
                });
    }

    private Optional<PatientReply> reply(CheckInEvent event, ConsumerRecord<String, String> record) {
        return PatientReply.isReply(event.type())
                ? Optional.of(PatientReply.of(event.id(), event.type(), record.value(), json))
                : Optional.empty();
    }

    private Uni<Void> apply(CheckInEvent event, Optional<PatientReply> reply) {
        if (reply.isPresent()) {
            return replies.apply(reply.get()).flatMap(outcome -> inbox.outcome(event, outcome));
        }
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

package health.courses.notification.events;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import health.courses.notification.inbox.InboxRepository;
import health.courses.notification.notification.PlannedDue;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Applies {@code treatment-course-events} exactly once per {@code ce_id}: the inbox row and the effect commit in
 * one transaction, and the record is acknowledged only after that commit. The throttled commit strategy then
 * commits an offset only once every record before it is acknowledged, so a crash at any point redelivers
 * rather than loses, and the inbox turns the redelivery into a no-op.
 */
@ApplicationScoped
public class CourseEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CourseEventsConsumer.class);

    private final InboxRepository inbox;
    /** Several features may react to one type (a completed session ends reminders and plans a check-in). */
    private final Map<String, List<CourseEventHandler>> handlers;
    private final ConsumptionConfig config;
    private final ObjectMapper json;
    private final Event<CourseEventApplied> applied;
    private final ConsumerStalls stalls;
    private final MeterRegistry metrics;

    CourseEventsConsumer(InboxRepository inbox, @All List<CourseEventHandler> handlers, ConsumptionConfig config,
            ObjectMapper json, Event<CourseEventApplied> applied, @Readiness ConsumerStalls stalls,
            MeterRegistry metrics) {
        this.inbox = inbox;
        this.handlers = handlers.stream()
                .flatMap(handler -> handler.types().stream().map(type -> Map.entry(type, handler)))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toUnmodifiableList())));
        this.config = config;
        this.json = json;
        this.applied = applied;
        this.stalls = stalls;
        this.metrics = metrics;
    }

    @Incoming("course-events")
    public Uni<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        CloudEvent event;
        try {
            event = CloudEvent.read(record.getHeaders(), message.getPayload(), json);
        } catch (PoisonEvent poison) {
            return deadLetter(message, record, poison);
        }
        // A good event waits out a database outage however long it lasts: dead-lettering it would lose a
        // cancellation or a reschedule. Only a PoisonEvent (the event itself is wrong) leaves the retry loop.
        return Uni.createFrom().deferred(() -> {
            PlannedDue.forget();
            return Panache.withTransaction(() -> apply(event));
        })
                .onFailure(failure -> !(failure instanceof PoisonEvent))
                .invoke(failure -> stalls.failed(event.id(), failure))
                .onFailure(failure -> !(failure instanceof PoisonEvent))
                .retry().withBackOff(config.retry().initial(), config.retry().max()).indefinitely()
                .onItemOrFailure().transformToUni((committed, failure) -> {
                    stalls.cleared(event.id());
                    if (failure != null) {
                        return deadLetter(message, record, failure);
                    }
                    applied.fire(new CourseEventApplied(event.id(), event.type(), PlannedDue.earliest()));
                    return Uni.createFrom().completionStage(message::ack);
                });
    }

    private Uni<Void> apply(CloudEvent event) {
        return inbox.accept(event.id(), event.type()).chain(first -> {
            if (!first) {
                LOG.debugf("Event %s (%s) was applied before; skipping the redelivery", event.id(), event.type());
                return Uni.createFrom().voidItem();
            }
            List<CourseEventHandler> applying = handlers.getOrDefault(event.type(), List.of());
            // Logged inside the consumer's span, so the line carries the trace id the producer sent (traceparent).
            LOG.debugf("Applying event %s (%s)%s", event.id(), event.type(), applying.isEmpty() ? ": no handler, ignored" : "");
            // One after the other: they share the transaction's database session.
            Uni<Void> effects = Uni.createFrom().voidItem();
            for (CourseEventHandler handler : applying) {
                effects = effects.chain(() -> handler.apply(event));
            }
            return effects;
        });
    }

    /** The failure strategy publishes to the dead-letter topic with the reason in headers, then commits past it. */
    private Uni<Void> deadLetter(Message<byte[]> message, IncomingKafkaRecordMetadata<?, ?> record, Throwable failure) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.getTopic(), record.getPartition(), record.getOffset(),
                failure.getMessage());
        metrics.counter("courses.dead.letters", "topic", record.getTopic()).increment();
        return Uni.createFrom().completionStage(() -> message.nack(failure));
    }
}

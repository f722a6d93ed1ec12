package health.courses.notification.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.ObjectMapper;

import health.courses.notification.inbox.InboxRepository;
import health.courses.notification.notification.PlannedDue;
import health.courses.notification.notification.SendTrace;
import health.courses.notification.patient.PatientsLearned;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Applies {@code treatment-course-events} exactly once per {@code ce_id}, a polled batch at a time: the batch's inbox
 * rows (one statement) and the effects of its new events commit in one transaction, and its records are
 * acknowledged only after that commit. The throttled commit strategy then commits an offset only once every record
 * before it is acknowledged, so a crash at any point redelivers rather than loses, and the inbox turns the
 * redelivery into a no-op.
 * <p>
 * A batch holds records of several partitions; they are applied in record order, which keeps each course's order
 * (one key, one partition). Isolation of a bad record: an unreadable one is dead-lettered before the batch is
 * applied; one that only its handler finds invalid ({@link PoisonEvent}) fails the batch's transaction, and the batch
 * is then applied again one event per transaction, so only that record is dead-lettered. Any other failure
 * (database down) retries the batch in place, without dead-lettering and without acknowledging anything.
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
    private final SendTrace traces;
    private final PatientsLearned patients;
    /** By type: the record its data is parsed into, when every handler reading one reads the same. */
    private final Map<String, Class<?>> records;

    CourseEventsConsumer(InboxRepository inbox, @All List<CourseEventHandler> handlers, ConsumptionConfig config,
            ObjectMapper json, Event<CourseEventApplied> applied, @Readiness ConsumerStalls stalls,
            MeterRegistry metrics, SendTrace traces, PatientsLearned patients) {
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
        this.traces = traces;
        this.patients = patients;
        this.records = recordsOf(this.handlers);
    }

    private static Map<String, Class<?>> recordsOf(Map<String, List<CourseEventHandler>> handlers) {
        Map<String, Class<?>> records = new java.util.HashMap<>();
        handlers.forEach((type, applying) -> {
            Set<Class<?>> read = applying.stream().map(CourseEventHandler::dataRecord).flatMap(Optional::stream)
                    .collect(Collectors.toSet());
            if (read.size() == 1) {
                records.put(type, read.iterator().next());
            }
        });
        return Map.copyOf(records);
    }

    /** A record and the event read from it. */
    private record Received(KafkaRecord<String, byte[]> record, CloudEvent event) {
    }

    @Incoming("course-events")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<Received> readable = new ArrayList<>();
        Uni<Void> deadLettered = Uni.createFrom().voidItem();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            try {
                readable.add(new Received(record, CloudEvent.read(record.getHeaders(), record.getPayload(), json,
                        records::get)));
            } catch (PoisonEvent poison) {
                deadLettered = deadLettered.chain(() -> deadLetter(record, poison));
            }
        }
        return deadLettered.chain(() -> applyBatch(readable));
    }

    private Uni<Void> applyBatch(List<Received> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID first = batch.get(0).event().id();
        // A good batch waits out a database outage however long it lasts: dead-lettering it would lose a
        // cancellation or a reschedule. Only a PoisonEvent (an event itself is wrong) leaves the retry loop.
        return inTransactionRetried(first, () -> applyAll(batch))
                .onItemOrFailure().transformToUni((committed, failure) -> {
                    if (failure != null) {
                        LOG.infof("A batch of %d events holds one its handler refuses (%s); applying them one by one",
                                batch.size(), failure.getMessage());
                        return Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(this::applyOne)
                                .collect().last().replaceWithVoid();
                    }
                    return committed(batch);
                });
    }

    /** One event in a transaction of its own: the fallback that finds a batch's poison record. */
    private Uni<Void> applyOne(Received received) {
        return inTransactionRetried(received.event().id(), () -> applyAll(List.of(received)))
                .onItemOrFailure().transformToUni((committed, failure) -> failure != null
                        ? deadLetter(received.record(), failure)
                        : committed(List.of(received)));
    }

    /** Retries in place until it commits, or until an event proves poison; the readiness check tells meanwhile. */
    private Uni<Void> inTransactionRetried(UUID eventId, java.util.function.Supplier<Uni<Void>> work) {
        return Uni.createFrom().deferred(() -> {
            PlannedDue.forget();
            BatchReads.begin();
            return Panache.withTransaction(work).onTermination().invoke(BatchReads::end);
        })
                .onFailure(failure -> !(failure instanceof PoisonEvent))
                .invoke(failure -> stalls.failed(eventId, failure))
                .onFailure(failure -> !(failure instanceof PoisonEvent))
                .retry().withBackOff(config.retry().initial(), config.retry().max()).indefinitely()
                .onTermination().invoke(() -> stalls.cleared(eventId));
    }

    /** After the commit: the dispatcher is told what falls due, then the records are acknowledged. */
    private Uni<Void> committed(List<Received> batch) {
        Received last = batch.get(batch.size() - 1);
        applied.fire(new CourseEventApplied(last.event().id(), last.event().type(), PlannedDue.earliest()));
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(received -> Uni.createFrom().completionStage(received.record()::ack))
                .collect().last().replaceWithVoid();
    }

    /**
     * The inbox rows of the whole batch in one statement, what the new events say about whose patients and courses
     * are whose in one more, then the effects of the new events in record order: consecutive events of one type that
     * a single handler applies go to it as one run (see {@link CourseEventHandler#applyRun}).
     */
    private Uni<Void> applyAll(List<Received> batch) {
        return inbox.acceptAll(batch.stream().map(received -> received.event().id()).toList(),
                batch.stream().map(received -> received.event().type()).toList())
                .call(fresh -> patients.learn(batch.stream().map(Received::event)
                        .filter(event -> fresh.contains(event.id())).toList()))
                .chain(fresh -> Multi.createFrom().iterable(runsOf(newOnly(batch, fresh)))
                        // One after the other: they share the transaction's database session, and order matters.
                        .onItem().transformToUniAndConcatenate(this::applyRun)
                        .collect().last().replaceWithVoid());
    }

    /** The batch's events the inbox saw for the first time, each once, in record order. */
    private static List<Received> newOnly(List<Received> batch, Set<UUID> fresh) {
        List<Received> news = new ArrayList<>();
        for (Received received : batch) {
            // removed, so an event twice in one batch is applied once
            if (fresh.remove(received.event().id())) {
                news.add(received);
            } else {
                LOG.debugf("Event %s (%s) was applied before; skipping the redelivery", received.event().id(),
                        received.event().type());
            }
        }
        return news;
    }

    private List<List<Received>> runsOf(List<Received> events) {
        List<List<Received>> runs = new ArrayList<>();
        for (Received received : events) {
            List<Received> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            String type = received.event().type();
            if (last != null && last.get(0).event().type().equals(type)
                    && handlers.getOrDefault(type, List.of()).size() == 1) {
                last.add(received);
            } else {
                runs.add(new ArrayList<>(List.of(received)));
            }
        }
        return runs;
    }

    private Uni<Void> applyRun(List<Received> run) {
        String type = run.get(0).event().type();
        List<CourseEventHandler> applying = handlers.getOrDefault(type, List.of());
        List<CourseEventHandler.Applying> traced = new ArrayList<>();
        for (Received received : run) {
            Span span = traces.consuming(traceparentOf(received.record()), type);
            logApplying(received.event(), span, applying.isEmpty());
            traced.add(new CourseEventHandler.Applying(received.event(), span));
        }
        Uni<Void> effects = Uni.createFrom().voidItem();
        if (applying.size() == 1) {
            effects = applying.get(0).applyRun(traced);
        } else {
            for (CourseEventHandler.Applying event : traced) {
                for (CourseEventHandler handler : applying) {
                    effects = effects.chain(() -> {
                        SendTrace.applying(event.span());
                        return handler.apply(event.event());
                    });
                }
            }
        }
        return effects.onTermination().invoke(() -> {
            SendTrace.applying(null);
            traced.forEach(event -> event.span().end());
        });
    }

    /** Logged with the event's own trace in the MDC: a batch has no single current span to take it from. */
    private static void logApplying(CloudEvent event, Span span, boolean unhandled) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        Object traceId = MDC.get("traceId");
        MDC.put("traceId", span.getSpanContext().getTraceId());
        try {
            LOG.debugf("Applying event %s (%s)%s", event.id(), event.type(), unhandled ? ": no handler, ignored" : "");
        } finally {
            if (traceId == null) {
                MDC.remove("traceId");
            } else {
                MDC.put("traceId", traceId);
            }
        }
    }

    private static Optional<String> traceparentOf(KafkaRecord<String, byte[]> record) {
        Header header = record.getHeaders().lastHeader("traceparent");
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.US_ASCII));
    }

    /** The failure strategy publishes to the dead-letter topic with the reason in headers, then commits past it. */
    private Uni<Void> deadLetter(KafkaRecord<String, byte[]> record, Throwable failure) {
        IncomingKafkaRecordMetadata<?, ?> position = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        LOG.warnf("Dead-lettering %s-%d@%d: %s", position.getTopic(), position.getPartition(), position.getOffset(),
                failure.getMessage());
        metrics.counter("courses.dead.letters", "topic", position.getTopic()).increment();
        return Uni.createFrom().completionStage(() -> record.nack(failure));
    }
}

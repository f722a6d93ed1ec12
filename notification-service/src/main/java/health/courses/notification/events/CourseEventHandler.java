package health.courses.notification.events;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import health.courses.notification.notification.SendTrace;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The effect of one event type. Runs inside the consumer's transaction, after the inbox accepted the event,
 * so it is applied at most once per {@code ce_id}; throwing {@link PoisonEvent} dead-letters the record.
 */
public interface CourseEventHandler {

    /** The CloudEvents {@code type}s this handler applies, e.g. {@code course.scheduled.v1}. */
    Set<String> types();

    Uni<Void> apply(CloudEvent event);

    /**
     * The record this handler reads its types' data into with {@link EventData#read}, if it always reads one: the
     * consumer then parses such events straight into it, once, instead of into a tree first.
     */
    default Optional<Class<?>> dataRecord() {
        return Optional.empty();
    }

    /**
     * Consecutive new events of one type from a polled batch, applied in order. A handler that can apply such a run
     * in fewer statements than one event at a time overrides this (it is only called for a type no other handler
     * applies, so the order between handlers stays as for single events).
     */
    default Uni<Void> applyRun(List<Applying> run) {
        return Multi.createFrom().iterable(run).onItem().transformToUniAndConcatenate(applying -> {
            SendTrace.applying(applying.span());
            return apply(applying.event());
        }).collect().last().replaceWithVoid();
    }

    /** An event being applied, and the consumer span that what it plans continues. */
    record Applying(CloudEvent event, Span span) {
    }
}

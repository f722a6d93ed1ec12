package health.courses.notification.notification;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * Joins a notification's send to the trace that planned it. Planning runs inside the consumer span (which continues
 * the booking request's trace through the outbox and the Kafka header); the row keeps that span's W3C traceparent,
 * and the dispatcher, which sends later on a context of its own, opens a CLIENT span under it for the send.
 */
@ApplicationScoped
public class SendTrace {

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final String APPLYING = SendTrace.class.getName() + ".applying";

    private final Tracer tracer;

    SendTrace(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("health.courses.notification.dispatch");
    }

    /**
     * The traceparent of the event being applied on this context ({@link #applying}), else the current span's; empty
     * without a valid span (tracing off, nothing traced).
     */
    static Optional<String> current() {
        if (VertxContext.isDuplicatedContext(io.vertx.core.Vertx.currentContext())) {
            Optional<String> applying = ContextLocals.get(APPLYING);
            if (applying.isPresent()) {
                return applying;
            }
        }
        return traceparentOf(Span.current());
    }

    /**
     * A consumer span for one event of a batch, under the trace its record's {@code traceparent} header carries: a
     * batch has no single current span, so each event's planning names its own (see {@link #applying}).
     */
    public Span consuming(Optional<String> recordTraceparent, String eventType) {
        Context parent = recordTraceparent.map(header -> W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of("traceparent", header), GETTER)).orElse(Context.root());
        return tracer.spanBuilder("treatment-course-events process " + eventType)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .startSpan();
    }

    /** What is planned on this context from now on continues this span's trace; null: back to the current span. */
    public static void applying(Span span) {
        if (!VertxContext.isDuplicatedContext(io.vertx.core.Vertx.currentContext())) {
            return;
        }
        Optional<String> traceparent = span == null ? Optional.empty() : traceparentOf(span);
        if (traceparent.isPresent()) {
            ContextLocals.put(APPLYING, traceparent.get());
        } else {
            ContextLocals.remove(APPLYING);
        }
    }

    public static Optional<String> traceparentOf(Span span) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex());
    }

    /** A started span for sending this notification, or null when its planning was not traced. */
    Span start(Notification notification) {
        if (notification.traceparent() == null) {
            return null;
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of("traceparent", notification.traceparent()), GETTER);
        return tracer.spanBuilder("notification send " + notification.channel())
                .setParent(parent)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("notification.id", notification.id().toString())
                .setAttribute("notification.kind", notification.kind())
                .setAttribute("notification.channel", notification.channel())
                .setAttribute("notification.attempt", notification.attempts())
                .startSpan();
    }
}

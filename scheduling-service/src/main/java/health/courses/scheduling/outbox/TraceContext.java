package health.courses.scheduling.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;

/**
 * The W3C {@code traceparent} of the current span (version 00), as stored with an outbox row and sent as the Kafka
 * header of the same name. Written by hand rather than through a propagator so that it needs no OpenTelemetry SDK at
 * all: with tracing off there is no valid span and nothing is stored.
 */
final class TraceContext {

    static final String HEADER = "traceparent";

    private TraceContext() {
    }

    static Optional<String> current() {
        return of(Span.current().getSpanContext());
    }

    static Optional<String> of(SpanContext context) {
        if (!context.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex());
    }
}

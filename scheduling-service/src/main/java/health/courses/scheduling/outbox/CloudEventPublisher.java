package health.courses.scheduling.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends one outbox row as a CloudEvents 1.0 binary-mode Kafka record: key = course id, attributes in ce_* headers,
 * JSON data as the value. The headers are written here (the connector's own CloudEvents support is off) so that
 * exactly these seven are on the wire, plus {@code traceparent} when the change that wrote the row was traced.
 */
@ApplicationScoped
class CloudEventPublisher {

    static final String SOURCE = "/scheduling-service";
    static final String SPEC_VERSION = "1.0";
    static final String CONTENT_TYPE = "application/json";

    private final MutinyEmitter<String> emitter;
    private final Tracer tracer;
    private final String topic;

    CloudEventPublisher(@Channel("course-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<String> emitter, OpenTelemetry telemetry,
            @ConfigProperty(name = "mp.messaging.outgoing.course-events.topic") String topic) {
        this.emitter = emitter;
        this.tracer = telemetry.getTracer("health.courses.scheduling.outbox");
        this.topic = topic;
    }

    /** Completes when the broker acknowledged the record (acks=all), fails when it did not. */
    Uni<Void> publish(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", SPEC_VERSION);
        header(headers, "ce_id", row.id().toString());
        header(headers, "ce_type", row.type());
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
        header(headers, "ce_subject", row.subject());
        header(headers, "content-type", CONTENT_TYPE);
        // The trace of the change that wrote the row goes on: a producer span under it, whose context travels as the
        // traceparent header for the consumer to continue. Rows written without a trace are sent without one.
        Span span = row.traceparent() == null ? null : producerSpan(row);
        if (span != null) {
            TraceContext.of(span.getSpanContext()).ifPresent(traceparent -> header(headers, TraceContext.HEADER, traceparent));
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.aggregateId().toString())
                .withHeaders(headers)
                .build();
        Uni<Void> sent = emitter.sendMessage(Message.of(row.payload()).addMetadata(kafka));
        return span == null ? sent : sent.onItemOrFailure().invoke((ok, failure) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        });
    }

    private Span producerSpan(OutboxRow row) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of(TraceContext.HEADER, row.traceparent()), TRACEPARENT);
        return tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", row.id().toString())
                .setAttribute("messaging.kafka.message.key", row.aggregateId().toString())
                .setAttribute("cloudevents.event_type", row.type())
                .startSpan();
    }

    private static final TextMapGetter<Map<String, String>> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

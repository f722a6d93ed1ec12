package health.courses.scheduling.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends one outbox row as a CloudEvents 1.0 binary-mode Kafka record: key = course id, attributes in ce_* headers,
 * JSON data as the value. The headers are written here (the connector's own CloudEvents support is off) so that
 * exactly these seven are on the wire.
 */
@ApplicationScoped
class CloudEventPublisher {

    static final String SOURCE = "/scheduling-service";
    static final String SPEC_VERSION = "1.0";
    static final String CONTENT_TYPE = "application/json";

    private final MutinyEmitter<String> emitter;

    CloudEventPublisher(@Channel("course-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<String> emitter) {
        this.emitter = emitter;
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
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.aggregateId().toString())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(kafka));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

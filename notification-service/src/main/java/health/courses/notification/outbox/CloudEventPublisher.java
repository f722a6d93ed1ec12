package health.courses.notification.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * One outbox row as a CloudEvents 1.0 binary-mode record, the way scheduling-service writes its own: key = course
 * id, the seven attributes in {@code ce_*} headers (and content-type), the JSON data as the value.
 */
@ApplicationScoped
class CloudEventPublisher {

    static final String SOURCE = "/notification-service";

    private final MutinyEmitter<String> emitter;

    CloudEventPublisher(@Channel("checkin-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker acknowledged the record (acks=all). */
    Uni<Void> publish(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.id().toString());
        header(headers, "ce_type", row.type());
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
        header(headers, "ce_subject", row.subject());
        header(headers, "content-type", "application/json");
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.courseId().toString())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(kafka));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

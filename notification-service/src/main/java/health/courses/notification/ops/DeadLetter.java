package health.courses.notification.ops;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One record of the dead-letter topic as it was read, value and headers untouched (replay sends exactly these).
 * Its id is {@code <partition>-<offset>} in the dead-letter topic: stable, and what {@code kcat -p -o} takes.
 */
record DeadLetter(String topic, int partition, long offset, Instant deadLetteredAt, String key, Headers headers,
        byte[] value) {

    static DeadLetter of(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(), record.headers(), record.value());
    }

    String id() {
        return partition + "-" + offset;
    }

    Optional<String> header(String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Every header as text, last value wins; header values are ids, types, times and error texts, never patient data. */
    Map<String, String> headerMap() {
        Map<String, String> all = new LinkedHashMap<>();
        for (Header header : headers) {
            all.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return all;
    }

    Optional<UUID> eventId() {
        return header("ce_id").flatMap(DeadLetter::uuid);
    }

    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}

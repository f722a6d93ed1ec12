package health.courses.notification.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A CloudEvents 1.0 event read from a Kafka record in binary mode: attributes in {@code ce_*} headers,
 * JSON data in the value, parsed once ({@link EventBody}). Reading it validates the envelope; anything malformed is a
 * {@link PoisonEvent}.
 */
public record CloudEvent(UUID id, String type, String source, Optional<String> subject, Optional<OffsetDateTime> time,
        EventBody data) {

    static final String SPEC_VERSION = "1.0";

    /** @param records the record each known type's data is read into (null for a type read as a tree) */
    public static CloudEvent read(Headers headers, byte[] value, ObjectMapper json,
            Function<String, Class<?>> records) {
        String specVersion = required(headers, "ce_specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new PoisonEvent("Unsupported ce_specversion " + specVersion);
        }
        UUID id;
        try {
            id = UUID.fromString(required(headers, "ce_id"));
        } catch (IllegalArgumentException notUuid) {
            throw new PoisonEvent("ce_id is not a UUID");
        }
        String type = required(headers, "ce_type");
        String source = required(headers, "ce_source");
        Optional<String> contentType = optional(headers, "content-type");
        if (contentType.isPresent() && !contentType.get().startsWith("application/json")) {
            throw new PoisonEvent("Unsupported content-type " + contentType.get());
        }
        return new CloudEvent(id, type, source, optional(headers, "ce_subject"), time(headers),
                EventBody.read(value, records.apply(type), json));
    }

    private static Optional<OffsetDateTime> time(Headers headers) {
        try {
            return optional(headers, "ce_time").map(OffsetDateTime::parse);
        } catch (DateTimeParseException notRfc3339) {
            throw new PoisonEvent("ce_time is not an RFC 3339 timestamp");
        }
    }

    private static String required(Headers headers, String name) {
        return optional(headers, name).orElseThrow(() -> new PoisonEvent("Missing header " + name));
    }

    private static Optional<String> optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String value = new String(header.value(), StandardCharsets.UTF_8).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}

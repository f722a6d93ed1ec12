package health.courses.notification.ops;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A dead letter as operators see it. {@code payload} is the event data with every value that is not an id, an
 * instant or course bookkeeping replaced by {@code [redacted]}; {@code payloadReadable} is false when the value is
 * not JSON at all (then only its size is shown).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(String id, String topic, int partition, long offset, Instant deadLetteredAt, String key,
        String eventId, String eventType, String clinicId, String reason, String cause, String originalTopic,
        String originalPartition, String originalOffset, Map<String, String> headers, boolean payloadReadable,
        int payloadBytes,
        // Free-form: the redacted event as it was, whatever its type (the contract tests refused the fixed shape).
        @Schema(implementation = Object.class, type = SchemaType.OBJECT, nullable = true,
                additionalProperties = Schema.True.class) JsonNode payload,
        OffsetDateTime replayedAt) {

    public record Page(List<DeadLetterView> items) {
    }
}

package health.courses.notification.contact;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Contact")
public record ContactView(
        UUID patientId,
        String email,
        String phone,
        String language,
        String zone,
        @Schema(description = "Send it back in If-Match to change only what you read") long version,
        OffsetDateTime updatedAt) {
}

package health.courses.notification.contact;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Contact")
public record ContactView(
        UUID patientId,
        String email,
        @Schema(nullable = true) String phone,
        String language,
        String zone,
        List<String> preferredChannels,
        @Schema(nullable = true, description = "Null: the clinic's default quiet hours apply") QuietHours quietHours,
        OptOuts optOuts,
        boolean homeExercise,
        @Schema(description = "Send it back in If-Match to change only what you read") long version,
        OffsetDateTime updatedAt) {
}

package health.courses.scheduling.audit;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry", description = "One change: who (subject, role), what (action), which resource, when, from which request")
public record AuditEntry(
        @Schema(example = "4711") long id,
        OffsetDateTime occurredAt,
        @Schema(example = "front-desk@clinic.example") String subject,
        @Schema(example = "booking") String role,
        @Schema(example = "course.booked") String action,
        @Schema(example = "course") String resourceType,
        UUID resourceId,
        @Schema(nullable = true, description = "X-Request-Id of the request that made the change; null for changes caused by events",
                example = "3f1c2a9e-7b6d-4c1e-9a8f-2b3c4d5e6f70") String requestId) {
}

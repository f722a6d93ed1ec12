package health.courses.notification.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit entry: who did what to which resource, when, in which request. */
@Schema(name = "AuditEntry")
public record AuditView(long id, OffsetDateTime occurredAt, UUID clinicId, String subject, String role,
        @Schema(examples = "contact.updated") String action,
        @Schema(examples = "contact") String resourceType,
        String resourceId,
        @Schema(nullable = true, description = "The X-Request-Id of the request that made the change; null for a system action")
        String requestId) {

    @Schema(name = "AuditPage")
    public record Page(List<AuditView> items,
            @Schema(nullable = true, description = "Pass as ?cursor= for the next page; null on the last page") String nextCursor) {
    }
}

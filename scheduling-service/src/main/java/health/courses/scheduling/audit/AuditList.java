package health.courses.scheduling.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditList", description = "A page of the clinic's audit log, newest first")
public record AuditList(
        List<AuditEntry> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}

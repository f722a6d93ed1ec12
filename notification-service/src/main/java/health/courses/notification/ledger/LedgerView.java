package health.courses.notification.ledger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One notification to a patient as the clinic sees it: what, when, and every state it went through. No contact data. */
@Schema(name = "PatientNotification")
public record LedgerView(
        UUID id,
        @Schema(examples = "session-reminder") String kind,
        @Schema(enumeration = { "email", "sms" }) String channel,
        @Schema(nullable = true) UUID courseId,
        @Schema(nullable = true, description = "Absent (null) for a message about the whole course") UUID sessionId,
        @Schema(description = "When it was planned to go out") OffsetDateTime dueAt,
        @Schema(enumeration = { "planned", "sending", "sent", "failed", "withdrawn", "skipped" }) String status,
        @Schema(nullable = true, description = "Why it ended as it did, e.g. past-due, opted-out, stale, cancelled, rejected")
        String statusReason,
        int attempts,
        @Schema(description = "Every state entered, oldest first") List<Transition> history) {

    @Schema(name = "NotificationTransition")
    public record Transition(String status, @Schema(nullable = true, description = "e.g. the error that caused a retry") String reason,
            int attempt, OffsetDateTime at) {
    }

    @Schema(name = "PatientNotificationPage")
    public record Page(List<LedgerView> items,
            @Schema(nullable = true, description = "Pass as ?cursor= for the next page; null on the last page") String nextCursor) {
    }
}

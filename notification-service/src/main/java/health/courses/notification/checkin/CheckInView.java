package health.courses.notification.checkin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One check-in as the clinic sees it: when, whether and what the patient answered, the decision, and its events. */
@Schema(name = "CheckIn")
public record CheckInView(
        UUID id,
        UUID sessionId,
        @Schema(description = "When the check-in message was due") OffsetDateTime dueAt,
        @Schema(nullable = true, description = "When the one follow-up was due") OffsetDateTime followUpAt,
        @Schema(enumeration = { "open", "answered", "unanswered" }) String status,
        @Schema(nullable = true) OffsetDateTime answeredAt,
        @Schema(nullable = true, description = "When it was recorded unanswered") OffsetDateTime unansweredAt,
        @Schema(nullable = true, description = "The patient's answers; null until answered") Answer answer,
        @Schema(nullable = true, description = "The triage of the answers; null until answered") DecisionView decision,
        @Schema(description = "What was published on patient-checkin-events about it") List<EventView> events) {

    @Schema(name = "CheckInDecision")
    public record DecisionView(@Schema(enumeration = { "none", "review", "urgent" }) String severity,
            @Schema(description = "Version of the rules that decided") int ruleVersion,
            @Schema(description = "The rules that fired", examples = "[\"pain-at-least-7\"]") List<String> reasons,
            @Schema(description = "Whether it was escalated to the clinic (the course is held)") boolean escalated) {

        static DecisionView of(Decision decision) {
            return new DecisionView(decision.severity().code(), decision.ruleVersion(), decision.reasons(),
                    decision.severity() != Severity.NONE);
        }
    }

    @Schema(name = "CheckInEvent")
    public record EventView(@Schema(examples = "checkin.escalated.v1") String type, OffsetDateTime occurredAt,
            @Schema(nullable = true, description = "Null while it waits for the broker") OffsetDateTime publishedAt) {
    }

    @Schema(name = "CheckInPage")
    public record Page(List<CheckInView> items,
            @Schema(nullable = true, description = "Pass as ?cursor= for the next page; null on the last page") String nextCursor) {
    }
}

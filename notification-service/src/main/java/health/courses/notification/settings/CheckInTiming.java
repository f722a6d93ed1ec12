package health.courses.notification.settings;

import java.time.LocalTime;

import jakarta.validation.constraints.AssertTrue;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When the post-session check-in is due: the next day at a local time, or a duration after the session ends. */
@Schema(name = "CheckInTiming", description = "Exactly one of nextDayAt and after")
public record CheckInTiming(
        @Schema(type = SchemaType.STRING, nullable = true, examples = "10:00") LocalTime nextDayAt,
        @Schema(nullable = true, examples = "PT1H") @IsoDuration String after) {

    public static final CheckInTiming DEFAULT = new CheckInTiming(LocalTime.of(10, 0), null);

    @AssertTrue(message = "name exactly one of nextDayAt and after")
    @Schema(hidden = true)
    // A validation rule, not a member: Jackson wrote it into every settings answer (found by the contract tests).
    @JsonIgnore
    public boolean isExactlyOne() {
        return (nextDayAt == null) != (after == null);
    }
}

package health.courses.notification.settings;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import health.courses.notification.contact.Languages;
import health.courses.notification.contact.QuietHours;

/** What a clinic sets; anything left out takes the default. */
@Schema(name = "NotificationSettingsDetails")
public record SettingsDetails(
        @Schema(required = true, description = "The name patients know the clinic by, used in every message",
                examples = "Praxis am Park")
        @NotBlank @Size(max = 120) String clinicName,

        @Schema(description = "How long before a session each reminder goes out", defaultValue = "[\"PT24H\",\"PT2H\"]")
        @Size(min = 1, max = 5) List<@NotNull @IsoDuration String> reminderOffsets,

        @Schema(description = "Default quiet hours in the patient's zone; default 21:00-08:00")
        @Valid QuietHours quietHours,

        @Schema(description = "Default: the next day at 10:00 in the patient's zone") @Valid CheckInTiming checkIn,

        @Schema(description = "Wait before the one follow-up of an unanswered check-in", defaultValue = "PT24H")
        @IsoDuration String followUpDelay,

        @Schema(description = "Languages the clinic writes to patients in", defaultValue = "[\"en\",\"de\"]")
        @Size(min = 1, max = 2)
        List<@NotNull @Pattern(regexp = Languages.PATTERN, message = "must be one of: en, de") String> languages,

        @Schema(description = "The clinic's own address: Reply-To of every mail and ORGANIZER of its calendar part; "
                + "absent: replies go nowhere (the sender address takes none)", examples = "empfang@praxis-am-park.de")
        @Email @Size(max = 254) String replyTo) {
}

package health.courses.notification.contact;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a clinic tells us about reaching a patient. What is left out takes the default. */
@Schema(name = "ContactDetails")
public record ContactDetails(
        @Schema(required = true, examples = "patient@example.org")
        @NotBlank @Email @Size(max = 254) String email,

        @Schema(description = "E.164", examples = "+4930123456")
        @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "must be in E.164 format, e.g. +4930123456") String phone,

        @Schema(enumeration = { "en", "de" }, defaultValue = Languages.DEFAULT)
        @Pattern(regexp = Languages.PATTERN, message = "must be one of: en, de") String language,

        @Schema(description = "IANA time zone the patient reads times in", defaultValue = PatientContact.DEFAULT_ZONE,
                examples = "Europe/Berlin")
        @IanaZone String zone,

        @Schema(description = "Channels reminders go out on, each once; default [email]", type = SchemaType.ARRAY,
                implementation = ChannelName.class)
        @Size(min = 1, max = 2)
        List<@NotNull @Pattern(regexp = Channels.PATTERN, message = "must be one of: email, sms") String> preferredChannels,

        @Schema(description = "The patient's own quiet hours in their zone; absent: the clinic's default")
        @Valid QuietHours quietHours,

        @Schema(description = "Channels and kinds of message the patient declined")
        @Valid OptOuts optOuts,

        @Schema(description = "Opt-in to home-exercise reminders between sessions", defaultValue = "false")
        Boolean homeExercise) {
}

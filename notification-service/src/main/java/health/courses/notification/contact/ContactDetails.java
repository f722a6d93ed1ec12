package health.courses.notification.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a clinic tells us about reaching a patient. Absent language and zone take the defaults. */
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
        @IanaZone String zone) {
}

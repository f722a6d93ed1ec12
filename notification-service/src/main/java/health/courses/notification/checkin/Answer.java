package health.courses.notification.checkin;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The patient's answers to the check-in questions, from the page's form or as JSON. */
@Schema(name = "CheckInAnswer")
public record Answer(
        @Schema(description = "Pain or soreness, 0 (none) to 10 (worst)", required = true, examples = "3")
        @NotNull @Min(0) @Max(10) Integer pain,
        @Schema(description = "Where it hurts", type = SchemaType.ARRAY, implementation = PainSite.class)
        @Size(max = 4) List<@NotNull @Pattern(regexp = SITES, message = "must be one of: lower-back, rectum, perineum, genital-region") String> painSites,
        @Schema(required = true, enumeration = { "normal", "some-difficulty", "unable" })
        @NotNull @Pattern(regexp = "normal|some-difficulty|unable", message = "must be one of: normal, some-difficulty, unable") String urination,
        @Schema(description = "Difficulty with erections", required = true) @NotNull Boolean erectileDifficulty,
        @Schema(description = "Irritation or an allergic reaction", required = true) @NotNull Boolean irritation,
        @Schema(description = "Anything else, in the patient's words") @Size(max = 2000) String note) {

    static final String SITES = "lower-back|rectum|perineum|genital-region";
    static final List<String> ALL_SITES = List.of("lower-back", "rectum", "perineum", "genital-region");

    public Answer {
        painSites = painSites == null ? List.of() : List.copyOf(painSites);
        note = note == null || note.isBlank() ? null : note.strip();
    }
}

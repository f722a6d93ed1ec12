package health.courses.scheduling.course;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the session and course changes. Every reason is a code (see {@link ReasonCode}). */
public final class LifecycleRequests {

    private LifecycleRequests() {
    }

    @Schema(name = "RescheduleSession", description = "Move one session; it keeps its id and its SEQUENCE grows")
    public record RescheduleSession(
            @NotBlank @Schema(description = "New start: a local date-time in the clinic's zone, or with an offset",
                    example = "2027-05-05T11:00") String start,
            @Size(max = ReasonCode.MAX) @Pattern(regexp = ReasonCode.PATTERN, message = ReasonCode.MESSAGE)
            @Schema(example = "patient-request") String reason) {
    }

    @Schema(name = "CancelSession", description = "Cancel one session; a make-up is appended when the clinic makes up sessions")
    public record CancelSession(
            @NotNull @Pattern(regexp = "clinic|patient", message = "must be clinic or patient")
            @Schema(enumeration = { "clinic", "patient" }, example = "patient") String by,
            @NotNull @Size(max = ReasonCode.MAX) @Pattern(regexp = ReasonCode.PATTERN, message = ReasonCode.MESSAGE)
            @Schema(example = "illness") String reason) {
    }

    @Schema(name = "MarkSessionMissed", description = "The patient did not come; a make-up is appended when the clinic makes up sessions")
    public record MarkSessionMissed(
            @Size(max = ReasonCode.MAX) @Pattern(regexp = ReasonCode.PATTERN, message = ReasonCode.MESSAGE)
            @Schema(description = "no-show when absent", example = "no-show") String reason) {
    }

    @Schema(name = "CompleteSession", description = "The session took place")
    public record CompleteSession(
            @NotNull @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
            @Schema(example = "2", minimum = "1", maximum = "5") Integer intensity,
            @Size(max = 2000) @Schema(description = "Clinical free text; stored only, never published or logged",
                    example = "Mild soreness afterwards, tolerated well") String toleranceNote) {
    }

    @Schema(name = "HoldCourse", description = "Put a course on hold: its future sessions are held, keeping their slots")
    public record HoldCourse(
            @Size(max = ReasonCode.MAX) @Pattern(regexp = ReasonCode.PATTERN, message = ReasonCode.MESSAGE)
            @Schema(description = "clinician-request when absent", example = "clinician-request") String reason) {
    }

    @Schema(name = "ResumeCourse", description = "Clear a held course: its held sessions re-flow forward from a day")
    public record ResumeCourse(
            @NotNull @Schema(description = "First clinic-local day a re-flowed session may take", example = "2027-05-17")
            LocalDate from,
            @Size(max = ReasonCode.MAX) @Pattern(regexp = ReasonCode.PATTERN, message = ReasonCode.MESSAGE)
            @Schema(description = "clinician-cleared when absent", example = "clinician-cleared") String reason) {
    }

    @Schema(name = "ExtendCourse", description = "Add weeks of sessions at the end of the course (at most 12 weeks in all)")
    public record ExtendCourse(
            @NotNull @Min(value = 1, message = "must be between 1 and 8") @Max(value = 8, message = "must be between 1 and 8")
            @Schema(example = "2") Integer weeks,
            @NotNull @Size(max = ReasonCode.MAX) @Pattern(regexp = ReasonCode.PATTERN, message = ReasonCode.MESSAGE)
            @Schema(example = "slow-response") String reason) {
    }

    @Schema(name = "CancelCourse", description = "Cancel every future session of the course; past sessions stay as they are")
    public record CancelCourse(
            @NotNull @Size(max = ReasonCode.MAX) @Pattern(regexp = ReasonCode.PATTERN, message = ReasonCode.MESSAGE)
            @Schema(example = "patient-request") String reason) {
    }
}

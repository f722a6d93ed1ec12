package health.courses.scheduling.course;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a clinic sends to prescribe and schedule a course. */
@ConsistentWeekdays
@Schema(name = "BookCourse", description = "Prescribe and schedule a course")
public record BookCourseRequest(
        @NotNull @Schema(description = "The clinic's patient id", example = "5f0c6b1e-2a44-4c8e-9b1d-7a3e2f6d8c90")
        UUID patientId,
        @NotNull @Schema(example = "0b7e4c52-8d1f-4a3b-9c6e-1f2a3b4c5d6e") UUID practitionerId,
        @NotNull @Schema(example = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d") UUID roomId,
        @NotNull @Schema(description = "First day the course may start (clinic-local)", example = "2027-03-22")
        LocalDate startDate,
        @NotNull @Min(value = 2, message = "must be 2 or 3") @Max(value = 3, message = "must be 2 or 3")
        @Schema(example = "3", minimum = "2", maximum = "3") Integer sessionsPerWeek,
        @NotNull @Min(value = 4, message = "must be between 4 and 8") @Max(value = 8, message = "must be between 4 and 8")
        @Schema(example = "4", minimum = "4", maximum = "8") Integer weeks,
        @Schema(description = "Days of the week; chosen when absent (2/week: MONDAY, THURSDAY; 3/week: MONDAY, WEDNESDAY, FRIDAY)",
                example = "[\"MONDAY\", \"WEDNESDAY\", \"FRIDAY\"]")
        List<@NotNull DayOfWeek> weekdays,
        @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "HH:mm",
                description = "Wall-clock time in the clinic's zone; kept across daylight-saving changes", example = "10:00")
        LocalTime localTime,
        @Min(value = 10, message = "must be between 10 and 240") @Max(value = 240, message = "must be between 10 and 240")
        @Schema(description = "Length of each session; 30 when absent", example = "30", defaultValue = "30")
        Integer sessionMinutes) {

    public static final int DEFAULT_SESSION_MINUTES = 30;

    public int sessionMinutesOrDefault() {
        return sessionMinutes == null ? DEFAULT_SESSION_MINUTES : sessionMinutes;
    }
}

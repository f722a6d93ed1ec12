package health.courses.scheduling.clinic;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When the clinic receives patients, per weekday; a weekday absent from the list is closed. */
public record OpeningHours(List<Day> days) {

    public static final OpeningHours OFFICE_HOURS = new OpeningHours(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY).stream()
            .map(day -> new Day(day, LocalTime.of(8, 0), LocalTime.of(18, 0))).toList());

    @Schema(name = "OpeningDay", description = "One weekday's opening hours (clinic-local)")
    public record Day(
            @NotNull @Schema(example = "MONDAY") DayOfWeek weekday,
            @NotNull @JsonFormat(pattern = "HH:mm") @Schema(type = SchemaType.STRING, format = "HH:mm", example = "08:00") LocalTime opens,
            @NotNull @JsonFormat(pattern = "HH:mm") @Schema(type = SchemaType.STRING, format = "HH:mm", example = "18:00") LocalTime closes) {
    }

    public OpeningHours {
        days = List.copyOf(days);
    }

    public Optional<Day> on(DayOfWeek weekday) {
        return days.stream().filter(day -> day.weekday() == weekday).findFirst();
    }

    /** A session fits when it starts at or after opening and ends by closing on that same local day. */
    public boolean fits(LocalDate date, LocalTime start, int minutes) {
        LocalTime end = start.plusMinutes(minutes);
        return end.isAfter(start) && on(date.getDayOfWeek())
                .filter(day -> !start.isBefore(day.opens()) && !end.isAfter(day.closes()))
                .isPresent();
    }
}

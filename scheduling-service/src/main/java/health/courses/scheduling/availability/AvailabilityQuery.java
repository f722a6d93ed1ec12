package health.courses.scheduling.availability;

import health.courses.scheduling.problem.Dates;
import health.courses.scheduling.problem.FieldError;
import health.courses.scheduling.problem.Ids;
import health.courses.scheduling.problem.InvalidInput;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** The checked query of GET /api/v1/availability; every problem is reported at once, per parameter. */
public record AvailabilityQuery(UUID practitionerId, UUID roomId, LocalDate from, LocalDate to, int sessionsPerWeek,
        int weeks, List<DayOfWeek> weekdays, int sessionMinutes) {

    /** A month: enough to offer choices, small enough that one answer stays fast. */
    static final int MAX_DAYS = 31;

    static AvailabilityQuery parse(String practitionerId, String roomId, String from, String to,
            Integer sessionsPerWeek, Integer weeks, List<String> weekdays, Integer sessionMinutes) {
        List<FieldError> errors = new ArrayList<>();
        UUID practitioner = practitionerId == null ? missing(errors, "practitionerId") : id(errors, "practitionerId", practitionerId);
        UUID room = roomId == null ? null : id(errors, "roomId", roomId);
        LocalDate first = date(errors, "from", from);
        LocalDate last = date(errors, "to", to);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(new FieldError("to", "after-from", "must be on or after from"));
        } else if (first != null && last != null && ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            errors.add(new FieldError("to", "range", "the range spans at most " + MAX_DAYS + " days"));
        }
        int perWeek = sessionsPerWeek == null ? 0 : sessionsPerWeek;
        if (perWeek < 2 || perWeek > 3) {
            errors.add(new FieldError("sessionsPerWeek", "range", "must be 2 or 3"));
        }
        int courseWeeks = weeks == null ? 4 : weeks;
        if (courseWeeks < 4 || courseWeeks > 8) {
            errors.add(new FieldError("weeks", "range", "must be between 4 and 8"));
        }
        int minutes = sessionMinutes == null ? 30 : sessionMinutes;
        if (minutes < 10 || minutes > 240) {
            errors.add(new FieldError("sessionMinutes", "range", "must be between 10 and 240"));
        }
        List<DayOfWeek> days = weekdays(errors, weekdays);
        if (!days.isEmpty() && (new HashSet<>(days).size() != days.size() || days.size() != perWeek)) {
            errors.add(new FieldError("weekdays", "consistent-weekdays",
                    "must list " + perWeek + " distinct days (as many as sessionsPerWeek)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new AvailabilityQuery(practitioner, room, first, last, perWeek, courseWeeks, days, minutes);
    }

    private static UUID missing(List<FieldError> errors, String field) {
        errors.add(new FieldError(field, "not-null", "is required"));
        return null;
    }

    private static UUID id(List<FieldError> errors, String field, String value) {
        try {
            return Ids.parse(field, value);
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static LocalDate date(List<FieldError> errors, String field, String value) {
        if (value == null) {
            errors.add(new FieldError(field, "not-null", "is required"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (Dates.supported(date)) {
                return date;
            }
            errors.add(new FieldError(field, "range", "must be " + Dates.RANGE));
            return null;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "format", "must be a date like 2027-03-29"));
            return null;
        }
    }

    /** Accepts repeated parameters and comma-separated lists: weekdays=MONDAY,THURSDAY. */
    private static List<DayOfWeek> weekdays(List<FieldError> errors, List<String> values) {
        List<DayOfWeek> days = new ArrayList<>();
        if (values == null) {
            return days;
        }
        for (String value : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    days.add(DayOfWeek.valueOf(name.strip().toUpperCase()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("weekdays", "format", "must be days such as MONDAY,THURSDAY"));
                    return days;
                }
            }
        }
        return days;
    }
}

package health.courses.scheduling.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates this service works with: 1900 to 2199. Java reads years up to 999,999,999 and PostgreSQL stores some of
 * them, but a course or evaluation outside this range is a typo or an attack, and date arithmetic near the extremes
 * overflows; checking at the edge keeps both from becoming a 500.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    public static final String RANGE = "between " + EARLIEST + " and " + LATEST;

    private Dates() {
    }

    public static boolean supported(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static LocalDate require(String field, LocalDate date) {
        if (date != null && !supported(date)) {
            throw new InvalidInput(field, "range", "must be " + RANGE);
        }
        return date;
    }

    public static Instant require(String field, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(86_400))
                || instant.isAfter(LATEST.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            throw new InvalidInput(field, "range", "must be " + RANGE);
        }
        return instant;
    }
}

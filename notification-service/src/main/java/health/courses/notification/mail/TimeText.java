package health.courses.notification.mail;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An instant as a reader in {@code zone} sees it, spelled for a template: weekday and date, wall-clock time,
 * the UTC offset in force on that day (so a reader can tell summer from winter time) and the zone's name.
 */
public record TimeText(String date, String time, String offset, String zone) {

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    public static TimeText of(OffsetDateTime instant, ZoneId zone, Locale language) {
        ZonedDateTime local = instant.atZoneSameInstant(zone);
        DateTimeFormatter date = DateTimeFormatter.ofPattern(
                Locale.GERMAN.getLanguage().equals(language.getLanguage()) ? "EEEE, d. MMMM yyyy" : "EEEE, d MMMM yyyy",
                language);
        return new TimeText(local.format(date), local.format(TIME), "UTC" + local.format(OFFSET), zone.getId());
    }
}

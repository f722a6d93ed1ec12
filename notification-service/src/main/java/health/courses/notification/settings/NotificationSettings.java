package health.courses.notification.settings;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import health.courses.notification.contact.Languages;
import health.courses.notification.contact.QuietHours;

/** A clinic's notification settings as planning uses them and the API shows them. */
@Schema(name = "NotificationSettings")
public record NotificationSettings(
        String clinicName,
        List<String> reminderOffsets,
        QuietHours quietHours,
        CheckInTiming checkIn,
        String followUpDelay,
        List<String> languages,
        @Schema(description = "Send it back in If-Match; 0 while the defaults apply") long version,
        @Schema(nullable = true, description = "Null while the defaults apply") OffsetDateTime updatedAt,
        @Schema(nullable = true, description = "Reply-To of every mail and ORGANIZER of its calendar part; null: none")
        String replyTo) {

    /** Until a clinic saves its own settings: the defaults of domain.md. */
    public static final NotificationSettings DEFAULTS = new NotificationSettings("Your clinic", List.of("PT24H", "PT2H"),
            new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)), CheckInTiming.DEFAULT, "PT24H",
            Languages.SUPPORTED, 0, null, null);

    public List<Duration> offsets() {
        return reminderOffsets.stream().map(Duration::parse).distinct().toList();
    }
}

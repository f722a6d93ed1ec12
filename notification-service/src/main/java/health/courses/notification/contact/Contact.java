package health.courses.notification.contact;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How to reach a patient right now. Read when a notification is planned and again when it is sent, never copied
 * into it, so a corrected address, zone or opt-out applies to everything still to come.
 */
public record Contact(String email, Optional<String> phone, Locale language, ZoneId zone, List<String> preferredChannels,
        Optional<QuietHours> quietHours, OptOuts optOuts, boolean homeExercise) {

    /** Whether this patient still wants {@code kind} messages over {@code channel}. */
    public boolean accepts(String kind, String channel) {
        return !optOuts.channels().contains(channel) && !optOuts.kinds().contains(kind);
    }
}

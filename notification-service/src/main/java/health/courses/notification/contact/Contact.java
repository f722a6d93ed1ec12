package health.courses.notification.contact;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * How to reach a patient right now. Read when a notification is sent, never copied into it, so a corrected
 * address or zone applies to everything still to come.
 */
public record Contact(String email, Optional<String> phone, Locale language, ZoneId zone) {
}

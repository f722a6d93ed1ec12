package health.courses.notification.contact;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What planning needs of a contact: channels, quiet hours, zone and opt-outs, all stored in the clear. No address,
 * so reading it decrypts nothing; the dispatcher decrypts the address of a message it is about to send.
 */
public record ContactPreferences(ZoneId zone, List<String> preferredChannels, Optional<QuietHours> quietHours,
        OptOuts optOuts) {

    /** Whether this patient still wants {@code kind} messages over {@code channel}; the same rule as {@link Contact}. */
    public boolean accepts(String kind, String channel) {
        return !optOuts.channels().contains(channel) && !optOuts.kinds().contains(kind);
    }
}

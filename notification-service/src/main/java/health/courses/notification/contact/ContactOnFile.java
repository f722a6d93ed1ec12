package health.courses.notification.contact;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A stored contact as the dispatcher first sees it: its opt-outs in the clear, its addresses still encrypted.
 * {@link #decrypt()} is called only for a message that is about to be sent, so a batch of stale or opted-out
 * notifications costs no decryption at all.
 *
 * @param decryption empty when the stored contact does not decrypt (logged and counted; nothing is sent to it)
 */
public record ContactOnFile(ContactPreferences preferences, Supplier<Optional<Contact>> decryption) {

    public boolean accepts(String kind, String channel) {
        return preferences.accepts(kind, channel);
    }

    public Optional<Contact> decrypt() {
        return decryption.get();
    }
}

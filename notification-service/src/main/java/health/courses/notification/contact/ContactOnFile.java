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
public record ContactOnFile(OptOuts optOuts, Supplier<Optional<Contact>> decryption) {

    /** Whether this patient still wants {@code kind} messages over {@code channel}; the same rule as {@link Contact}. */
    public boolean accepts(String kind, String channel) {
        return !optOuts.channels().contains(channel) && !optOuts.kinds().contains(kind);
    }

    public Optional<Contact> decrypt() {
        return decryption.get();
    }
}

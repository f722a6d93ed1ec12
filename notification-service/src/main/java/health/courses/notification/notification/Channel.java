package health.courses.notification.notification;

import health.courses.notification.contact.Contact;
import io.smallrye.mutiny.Uni;

/**
 * A way to reach a patient (email now; SMS, push or a webhook later, each one new class). The dispatcher decides
 * when and whether to send and records the outcome; a channel only renders and hands over the message.
 */
public interface Channel {

    /** As stored in {@code notification.channel}. */
    String name();

    /** Whether the contact has an address on this channel (an SMS needs a phone number). */
    boolean canReach(Contact contact);

    /**
     * Completes once the provider has accepted the message; a failure is retried later. Implementations pass
     * {@link Delivery#idempotencyKey()} (or an id derived from the notification) to the provider, so a retry
     * after an unknown outcome can be recognised as the same message. A {@link PermanentFailure} ends the
     * notification as failed at once; any other failure is retried.
     */
    Uni<Void> send(Delivery delivery);
}

package health.courses.notification.notification;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import health.courses.notification.contact.Contact;

/**
 * Whether a claimed notification goes out, as a pure function of what the dispatch loop read: no database, no clock,
 * no channel call. Two steps, so that a contact is decrypted only for a notification that passed every other check:
 * {@link #beforeContact} on the claim, the session and the opt-outs; {@link #withContact} on the decrypted contact.
 * {@link #afterAttempt} turns a channel's failure into a retry or a final failure.
 */
final class DispatchDecision {

    private DispatchDecision() {
    }

    /**
     * What is known of a claimed notification before any address is decrypted.
     *
     * @param withinSendingWindow whether a send started now still ends, result recorded, inside the lease
     * @param stillWanted         its session (or the feature's {@link SendCheck}) still wants it sent
     * @param accepts             empty: no contact on file; else whether the patient accepts this kind on this channel
     */
    record Facts(int attempts, int maxAttempts, String lastError, boolean withinSendingWindow, boolean channelKnown,
            boolean stillWanted, Optional<Boolean> accepts) {
    }

    static Outcome beforeContact(Facts facts) {
        if (facts.attempts() > facts.maxAttempts()) {
            // Reclaimed after its dispatcher died mid-attempt, with no attempt left to spend.
            return new Outcome.Failed("attempts-exhausted", facts.lastError());
        }
        if (!facts.withinSendingWindow()) {
            // Too little of the lease left to finish a send: another dispatcher could take the row over meanwhile.
            return new Outcome.Released();
        }
        if (!facts.channelKnown()) {
            return new Outcome.Failed("unknown-channel", null);
        }
        if (!facts.stillWanted()) {
            return new Outcome.Withdrawn("stale");
        }
        if (facts.accepts().isEmpty()) {
            return new Outcome.Skipped("no-contact");
        }
        if (!facts.accepts().get()) {
            return new Outcome.Skipped("opted-out");
        }
        return new Outcome.Send();
    }

    /** @param contact empty when the stored contact did not decrypt: failing closed, it is treated as absent */
    static Outcome withContact(Optional<Contact> contact, Predicate<Contact> channelReaches) {
        if (contact.isEmpty()) {
            return new Outcome.Skipped("no-contact");
        }
        if (!channelReaches.test(contact.get())) {
            return new Outcome.Skipped("no-address");
        }
        return new Outcome.Send();
    }

    /** A failed attempt: refused for good, out of attempts, or retried after a backoff with jitter. */
    static Outcome.Unsent afterAttempt(Throwable failure, String error, int attempt, int maxAttempts, Backoff backoff,
            RandomGenerator random) {
        if (failure instanceof PermanentFailure) {
            return new Outcome.Failed("rejected", error);
        }
        if (attempt >= maxAttempts) {
            return new Outcome.Failed("attempts-exhausted", error);
        }
        return new Outcome.Retry(backoff.delayAfter(attempt, random), error);
    }
}

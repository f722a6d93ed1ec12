package health.courses.notification.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import health.courses.notification.contact.Contact;
import health.courses.notification.contact.OptOuts;

/** The dispatcher's decision as the pure function it is: facts in, outcome out, nothing read or written. */
class DispatchDecisionTest {

    private static final DispatchDecision.Facts SENDABLE = new DispatchDecision.Facts(1, 5, null, true, true, true,
            Optional.of(true));
    private static final Contact CONTACT = new Contact("patient@example.org", Optional.empty(), Locale.ENGLISH,
            ZoneId.of("Europe/Berlin"), List.of("email"), Optional.empty(), OptOuts.NONE, false);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void aDueNotificationWithEverythingInPlaceIsSent() {
        assertThat(DispatchDecision.beforeContact(SENDABLE), equalTo(new Outcome.Send()));
        assertThat(DispatchDecision.withContact(Optional.of(CONTACT), contact -> true), equalTo(new Outcome.Send()));
    }

    @Test
    void aClaimTakenOverWithNoAttemptLeftFailsWithTheLastError() {
        DispatchDecision.Facts reclaimed = new DispatchDecision.Facts(6, 5, "timeout", true, true, true, Optional.of(true));

        assertThat(DispatchDecision.beforeContact(reclaimed), equalTo(new Outcome.Failed("attempts-exhausted", "timeout")));
    }

    @Test
    void tooLittleOfTheLeaseLeftHandsItBackWithoutSpendingAnAttempt() {
        DispatchDecision.Facts late = new DispatchDecision.Facts(1, 5, null, false, true, true, Optional.of(true));

        assertThat(DispatchDecision.beforeContact(late), equalTo(new Outcome.Released()));
    }

    @Test
    void anUnknownChannelFails() {
        DispatchDecision.Facts unknown = new DispatchDecision.Facts(1, 5, null, true, false, true, Optional.of(true));

        assertThat(DispatchDecision.beforeContact(unknown), equalTo(new Outcome.Failed("unknown-channel", null)));
    }

    @Test
    void aReminderWhoseSessionChangedIsWithdrawnBeforeAnyContactIsLookedAt() {
        DispatchDecision.Facts stale = new DispatchDecision.Facts(1, 5, null, true, true, false, Optional.empty());

        assertThat(DispatchDecision.beforeContact(stale), equalTo(new Outcome.Withdrawn("stale")));
    }

    @Test
    void noContactOnFileOrAnOptOutIsSkipped() {
        assertThat(DispatchDecision.beforeContact(new DispatchDecision.Facts(1, 5, null, true, true, true, Optional.empty())),
                equalTo(new Outcome.Skipped("no-contact")));
        assertThat(DispatchDecision.beforeContact(new DispatchDecision.Facts(1, 5, null, true, true, true, Optional.of(false))),
                equalTo(new Outcome.Skipped("opted-out")));
    }

    @Test
    void aContactThatDoesNotDecryptIsNoContactAndOneWithoutAnAddressForTheChannelIsNoAddress() {
        assertThat(DispatchDecision.withContact(Optional.empty(), contact -> true), equalTo(new Outcome.Skipped("no-contact")));
        assertThat(DispatchDecision.withContact(Optional.of(CONTACT), contact -> contact.phone().isPresent()),
                equalTo(new Outcome.Skipped("no-address")));
    }

    @Test
    void aRefusalFailsAtOnceAndTheLastAttemptFailsForGood() {
        assertThat(DispatchDecision.afterAttempt(new PermanentFailure("invalid number"), "invalid number", 1, 5, BACKOFF,
                new SplittableRandom(1)), equalTo(new Outcome.Failed("rejected", "invalid number")));
        assertThat(DispatchDecision.afterAttempt(new RuntimeException("down"), "down", 5, 5, BACKOFF, new SplittableRandom(1)),
                equalTo(new Outcome.Failed("attempts-exhausted", "down")));
    }

    @Test
    void anyOtherFailureIsRetriedAfterTheBackoffOfItsAttempt() {
        Outcome.Unsent retry = DispatchDecision.afterAttempt(new RuntimeException("down"), "down", 2, 5, BACKOFF,
                new SplittableRandom(7));

        assertThat(retry, instanceOf(Outcome.Retry.class));
        assertThat(((Outcome.Retry) retry).delay(), equalTo(BACKOFF.delayAfter(2, new SplittableRandom(7))));
    }
}

package health.courses.notification.events;

/**
 * A record that no retry can make processable (malformed envelope or data). It goes to the dead-letter
 * topic at once, so the partition behind it keeps moving.
 */
public class PoisonEvent extends RuntimeException {

    public PoisonEvent(String reason) {
        super(reason, null, false, false);
    }

    public PoisonEvent(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}

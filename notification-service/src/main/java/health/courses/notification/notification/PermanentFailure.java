package health.courses.notification.notification;

/**
 * A provider refused the message for good (an invalid number, a rejected request): retrying would fail the same
 * way, so the notification ends {@code failed} at once instead of spending its remaining attempts.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String reason) {
        super(reason, null, false, false);
    }
}

package health.courses.notification.notification;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * What the dispatcher decided for one claimed notification, or what an attempt came to. {@link Send} is a decision
 * only; {@link Sent} is marked with its batch ({@link Claims#markSent}); every {@link Unsent} outcome is written down
 * at once by the guarded statement it names.
 */
sealed interface Outcome {

    String name();

    /** Hand it to the channel now. */
    record Send() implements Outcome {
        public String name() {
            return "send";
        }
    }

    /** The provider accepted it. */
    record Sent() implements Outcome {
        public String name() {
            return "sent";
        }
    }

    /** An outcome other than sent, and the guarded statement that writes it down. */
    sealed interface Unsent extends Outcome {
        Uni<Boolean> record(NotificationRepository notifications, Notification notification);
    }

    record Retry(Duration delay, String error) implements Unsent {
        public String name() {
            return "retry";
        }

        public Uni<Boolean> record(NotificationRepository notifications, Notification notification) {
            return notifications.markRetry(notification.id(), notification.attempts(), delay, error);
        }
    }

    record Failed(String reason, String error) implements Unsent {
        public String name() {
            return "failed";
        }

        public Uni<Boolean> record(NotificationRepository notifications, Notification notification) {
            return notifications.markFailed(notification.id(), notification.attempts(), reason, error);
        }
    }

    /** Handed back unsent, without spending an attempt. */
    record Released() implements Unsent {
        public String name() {
            return "released";
        }

        public Uni<Boolean> record(NotificationRepository notifications, Notification notification) {
            return notifications.release(notification.id(), notification.attempts());
        }
    }

    /** The session changed since the reminder was planned: it must not go out. */
    record Withdrawn(String reason) implements Unsent {
        public String name() {
            return "withdrawn";
        }

        public Uni<Boolean> record(NotificationRepository notifications, Notification notification) {
            return notifications.markWithdrawn(notification.id(), notification.attempts(), reason);
        }
    }

    record Skipped(String reason) implements Unsent {
        public String name() {
            return "skipped";
        }

        public Uni<Boolean> record(NotificationRepository notifications, Notification notification) {
            return notifications.markSkipped(notification.id(), notification.attempts(), reason);
        }
    }
}

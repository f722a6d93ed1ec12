package health.courses.notification.sms;

import java.util.UUID;

/**
 * One text message ready for a gateway. {@code toString} leaves out the number and the text: a record logged by
 * mistake must not put contact data in the log.
 *
 * @param idempotencyKey the same on every attempt of a notification, so the provider can drop a repeat
 */
public record SmsMessage(UUID notificationId, String idempotencyKey, String to, String body) {

    @Override
    public String toString() {
        return "SmsMessage[notificationId=" + notificationId + "]";
    }
}

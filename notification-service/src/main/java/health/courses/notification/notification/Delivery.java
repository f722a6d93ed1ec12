package health.courses.notification.notification;

import java.util.UUID;

import health.courses.notification.contact.Contact;

/**
 * One attempt to hand a notification to a channel: the planned message joined with the contact as it is now.
 *
 * @param payload the template data as JSON, interpreted according to {@code kind}
 */
public record Delivery(UUID notificationId, UUID clinicId, UUID patientId, UUID courseId, String kind,
        String idempotencyKey, int attempt, Contact contact, String payload) {
}

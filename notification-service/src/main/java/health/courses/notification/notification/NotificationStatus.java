package health.courses.notification.notification;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The delivery ledger of one notification. {@code planned -> sending -> sent}, back to {@code planned} for a
 * retry, or ending in {@code failed} (attempts exhausted), {@code skipped} (nobody to reach) or
 * {@code withdrawn} (no longer wanted, e.g. the session was cancelled).
 */
public enum NotificationStatus {
    PLANNED, SENDING, SENT, FAILED, WITHDRAWN, SKIPPED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stored lowercase, as the database check constraint and the SQL in the repository spell it. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<NotificationStatus, String> {

        @Override
        public String convertToDatabaseColumn(NotificationStatus status) {
            return status == null ? null : status.code();
        }

        @Override
        public NotificationStatus convertToEntityAttribute(String code) {
            return code == null ? null : NotificationStatus.valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}

package health.courses.scheduling.session;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

public enum SessionStatus {
    SCHEDULED, HELD, CANCELLED, COMPLETED, MISSED;

    /** The lower-case word used in JSON, events and the database. */
    @JsonValue
    public String word() {
        return name().toLowerCase();
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<SessionStatus, String> {

        @Override
        public String convertToDatabaseColumn(SessionStatus status) {
            return status == null ? null : status.word();
        }

        @Override
        public SessionStatus convertToEntityAttribute(String word) {
            return word == null ? null : SessionStatus.valueOf(word.toUpperCase());
        }
    }
}

package health.courses.scheduling.session;

import com.fasterxml.jackson.annotation.JsonValue;
import health.courses.scheduling.problem.InvalidInput;
import java.util.Arrays;
import java.util.stream.Collectors;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

public enum SessionStatus {
    SCHEDULED, HELD, CANCELLED, COMPLETED, MISSED;

    /** The lower-case word used in JSON, events and the database. */
    @JsonValue
    public String word() {
        return name().toLowerCase();
    }

    /** A query parameter's value (issue 18: the agenda's status filter); anything else is a 400 naming it. */
    public static SessionStatus parameter(String field, String value) {
        for (SessionStatus status : values()) {
            if (status.word().equals(value)) {
                return status;
            }
        }
        throw new InvalidInput(field, "one-of", "must be one of "
                + Arrays.stream(values()).map(SessionStatus::word).collect(Collectors.joining(", ")));
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

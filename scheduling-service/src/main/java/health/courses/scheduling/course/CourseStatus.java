package health.courses.scheduling.course;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

public enum CourseStatus {
    SCHEDULED, HELD, CANCELLED, COMPLETED;

    /** The lower-case word used in JSON, events and the database. */
    @JsonValue
    public String word() {
        return name().toLowerCase();
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<CourseStatus, String> {

        @Override
        public String convertToDatabaseColumn(CourseStatus status) {
            return status == null ? null : status.word();
        }

        @Override
        public CourseStatus convertToEntityAttribute(String word) {
            return word == null ? null : CourseStatus.valueOf(word.toUpperCase());
        }
    }
}

package health.courses.scheduling.confirmation;

import com.fasterxml.jackson.annotation.JsonValue;
import health.courses.scheduling.problem.InvalidInput;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Whether the patient has said they will come to a session (issue 18): set by the patient's replies to reminders
 * (SMS or a mail's link, through notification-service), reset to {@link #UNCONFIRMED} when the session is moved or
 * cancelled, because the patient confirmed a time that no longer holds.
 */
public enum Confirmation {
    UNCONFIRMED, CONFIRMED, RESCHEDULE_REQUESTED;

    /** The word used in JSON and the database: unconfirmed, confirmed, reschedule-requested. */
    @JsonValue
    public String word() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Confirmation ofWord(String word) {
        for (Confirmation confirmation : values()) {
            if (confirmation.word().equals(word)) {
                return confirmation;
            }
        }
        throw new IllegalArgumentException("not a confirmation: " + word);
    }

    /** A query parameter's value; anything else is a 400 naming the parameter. */
    public static Confirmation parameter(String field, String value) {
        try {
            return ofWord(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "one-of", "must be one of "
                    + Arrays.stream(values()).map(Confirmation::word).collect(Collectors.joining(", ")));
        }
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Confirmation, String> {

        @Override
        public String convertToDatabaseColumn(Confirmation confirmation) {
            return confirmation == null ? null : confirmation.word();
        }

        @Override
        public Confirmation convertToEntityAttribute(String word) {
            return word == null ? null : ofWord(word);
        }
    }
}

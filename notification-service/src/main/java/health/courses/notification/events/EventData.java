package health.courses.notification.events;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * Reads an event's data into its record and validates it; data of the wrong shape is a {@link PoisonEvent}. A record
 * of a hot event type checks its own constraints first ({@link Checked}); only data that fails that check goes through
 * Bean Validation, which then names every violation as it always did.
 */
@ApplicationScoped
public class EventData {

    private final Validator validator;

    EventData(Validator validator) {
        this.validator = validator;
    }

    public <T> T read(CloudEvent event, Class<T> type) {
        T data = event.data().as(type, event.type());
        if (data instanceof Checked checked && checked.plainlyValid()) {
            // the common case: what the constraints say, checked in a few comparisons, no Bean Validation walk
            return data;
        }
        var violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonEvent("Data of " + event.type() + " is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining(", ")));
        }
        return data;
    }

    /**
     * Data that can tell cheaply that it meets every constraint on its components. {@code true} must imply that Bean
     * Validation finds nothing; {@code false} only sends the data through Bean Validation for the violations' text.
     */
    public interface Checked {
        boolean plainlyValid();
    }

    /** Data naming the clinic, patient and course it is about (null where it names none). */
    public interface Owners {
        java.util.UUID clinicId();

        java.util.UUID patientId();

        java.util.UUID courseId();
    }
}

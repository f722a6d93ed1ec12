package health.courses.notification.events;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads an event's data into its record and validates it; data of the wrong shape is a {@link PoisonEvent}. */
@ApplicationScoped
public class EventData {

    private final ObjectMapper json;
    private final Validator validator;

    EventData(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T read(CloudEvent event, Class<T> type) {
        T data;
        try {
            data = json.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException malformed) {
            throw new PoisonEvent("Data of " + event.type() + " does not have the expected shape");
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
}

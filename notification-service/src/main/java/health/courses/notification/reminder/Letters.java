package health.courses.notification.reminder;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.courses.notification.notification.Delivery;

/** Reads the stored payload of this feature's notifications back, for whichever channel writes the message. */
@ApplicationScoped
public class Letters {

    static final Set<String> KINDS = Set.of(MessageKind.REMINDER, MessageKind.CHANGED, MessageKind.CANCELLED,
            MessageKind.COURSE_HELD, MessageKind.COURSE_CANCELLED);
    private static final Set<String> COURSE_KINDS = Set.of(MessageKind.COURSE_HELD, MessageKind.COURSE_CANCELLED);

    private final ObjectMapper json;

    Letters(ObjectMapper json) {
        this.json = json;
    }

    Object payload(Delivery delivery) {
        try {
            Class<?> type = COURSE_KINDS.contains(delivery.kind()) ? CourseLetter.class : SessionLetter.class;
            return json.readValue(delivery.payload(), type);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("Payload of notification " + delivery.notificationId() + " is unreadable",
                    unreadable);
        }
    }

}

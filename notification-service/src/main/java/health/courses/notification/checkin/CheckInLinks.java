package health.courses.notification.checkin;

import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.courses.notification.notification.Delivery;

/** Writes the patient's link into a check-in message at send time, from the stored nonce and the server secret. */
@ApplicationScoped
public class CheckInLinks {

    private final PageUrl pageUrl = new PageUrl();

    private final CheckInToken tokens;
    private final ObjectMapper json;

    CheckInLinks(CheckInToken tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    CheckInLetter letter(Delivery delivery) {
        try {
            return json.readValue(delivery.payload(), CheckInLetter.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("Payload of notification " + delivery.notificationId() + " is unreadable",
                    unreadable);
        }
    }

    /** Null for a letter without a link (the urgent advice). */
    String link(CheckInLetter letter) {
        if (letter.nonce() == null) {
            return null;
        }
        return pageUrl.get() + "/check-in/" + tokens.of(letter.checkInId(), Base64.getDecoder().decode(letter.nonce()));
    }
}

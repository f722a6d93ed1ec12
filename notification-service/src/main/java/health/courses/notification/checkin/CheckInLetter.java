package health.courses.notification.checkin;

import java.util.UUID;

/**
 * The stored payload of a check-in message. The nonce (not the token) travels here so the message can be written
 * at send time; the nonce is stored next to the check-in anyway and is useless without the server secret.
 */
public record CheckInLetter(UUID checkInId, String nonce, String clinicName) {
}

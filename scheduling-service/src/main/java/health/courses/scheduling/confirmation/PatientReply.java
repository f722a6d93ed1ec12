package health.courses.scheduling.confirmation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A patient's reply to a reminder as it arrives on patient-checkin-events (session.confirmation-received.v1,
 * session.reschedule-requested.v1; see asyncapi/schemas). Ids, channel and time only. Reading fails with
 * {@link UnreadableReply} when the data is not a valid reply, which sends the record to the dead-letter topic.
 */
public record PatientReply(UUID eventId, Confirmation kind, UUID clinicId, UUID courseId, UUID sessionId,
        UUID patientId, UUID replyId, String channel, Instant receivedAt) {

    public static final String CONFIRMATION_RECEIVED = "session.confirmation-received.v1";
    public static final String RESCHEDULE_REQUESTED = "session.reschedule-requested.v1";

    private static final Map<String, Confirmation> KINDS = Map.of(CONFIRMATION_RECEIVED, Confirmation.CONFIRMED,
            RESCHEDULE_REQUESTED, Confirmation.RESCHEDULE_REQUESTED);
    private static final Set<String> CHANNELS = Set.of("sms", "email");

    /** The event's data; Jackson checks the shapes (uuid, date-time), {@link #of} that nothing is missing. */
    record Data(UUID clinicId, UUID courseId, UUID sessionId, UUID patientId, UUID replyId, String channel,
            OffsetDateTime receivedAt) {
    }

    /** Whether {@code type} (ce_type) is a reply this package applies. */
    public static boolean isReply(String type) {
        return KINDS.containsKey(type);
    }

    public static PatientReply of(UUID eventId, String type, String value, ObjectMapper json) {
        if (!isReply(type)) {
            throw new UnreadableReply("not a reply type: " + type);
        }
        if (value == null) {
            throw new UnreadableReply("no value");
        }
        Data data;
        try {
            data = json.readValue(value, Data.class);
        } catch (JsonMappingException e) {
            // The member's name only: Jackson's own message would quote the value, and a dead letter's headers say
            // nothing of what a record carried.
            throw new UnreadableReply("malformed member " + e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(name -> name != null).collect(Collectors.joining(".")));
        } catch (JacksonException e) {
            throw new UnreadableReply("the value is not a JSON object");
        }
        if (data == null || data.clinicId() == null || data.courseId() == null || data.sessionId() == null
                || data.patientId() == null || data.replyId() == null || data.channel() == null
                || data.receivedAt() == null) {
            throw new UnreadableReply("a required member is missing (clinicId, courseId, sessionId, patientId, replyId,"
                    + " channel, receivedAt)");
        }
        if (!CHANNELS.contains(data.channel())) {
            throw new UnreadableReply("channel must be sms or email");
        }
        return new PatientReply(eventId, KINDS.get(type), data.clinicId(), data.courseId(), data.sessionId(),
                data.patientId(), data.replyId(), data.channel(), data.receivedAt().toInstant());
    }

    /** A record that can never be applied; its message goes into the dead-letter headers, so it carries no data. */
    public static final class UnreadableReply extends RuntimeException {

        UnreadableReply(String message) {
            super("unreadable patient reply: " + message);
        }
    }
}

package health.courses.notification.events;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An event's data, parsed once when the record is read: straight into the record its handler reads (one Jackson
 * pass, no tree in between) when the consumer knows that record for the type, else into a JSON tree. Data that is not
 * JSON is refused at once as before; data that is JSON of the wrong shape is only remembered, and refused when a
 * handler reads it ({@link EventData#read}), so a bad event is dead-lettered at the same point and with the same
 * reason as when every event went through a tree.
 */
public final class EventBody {

    private final Class<?> recordType;
    private final Object value;
    private final boolean misshapen;
    private final byte[] bytes;
    private final ObjectMapper json;
    private JsonNode tree;

    private EventBody(Class<?> recordType, Object value, boolean misshapen, JsonNode tree, byte[] bytes,
            ObjectMapper json) {
        this.recordType = recordType;
        this.value = value;
        this.misshapen = misshapen;
        this.tree = tree;
        this.bytes = bytes;
        this.json = json;
    }

    /** @param recordType the record this type's data is read into, or null: a tree */
    static EventBody read(byte[] bytes, Class<?> recordType, ObjectMapper json) {
        if (bytes == null || bytes.length == 0) {
            throw new PoisonEvent("The event has no data");
        }
        if (recordType == null) {
            return new EventBody(null, null, false, tree(bytes, json), bytes, json);
        }
        try {
            return new EventBody(recordType, json.readValue(bytes, recordType), false, null, bytes, json);
        } catch (StreamReadException notJson) {
            throw new PoisonEvent("The event data is not JSON");
        } catch (DatabindException | IllegalArgumentException misshapen) {
            // The mapping stopped at the first wrong field; whether the rest is JSON at all decides as before.
            return new EventBody(recordType, null, true, tree(bytes, json), bytes, json);
        } catch (IOException unreadable) {
            throw new PoisonEvent("The event data cannot be read", unreadable);
        }
    }

    private static JsonNode tree(byte[] bytes, ObjectMapper json) {
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException notJson) {
            throw new PoisonEvent("The event data is not JSON");
        } catch (IOException unreadable) {
            throw new PoisonEvent("The event data cannot be read", unreadable);
        }
    }

    /** The data as {@code type}; a record read when the event was, or converted from the tree. */
    @SuppressWarnings("unchecked")
    <T> T as(Class<T> type, String eventType) {
        if (type.equals(recordType)) {
            if (misshapen) {
                throw shape(eventType);
            }
            return (T) value;
        }
        try {
            return json.treeToValue(tree(), type);
        } catch (JsonProcessingException | IllegalArgumentException malformed) {
            throw shape(eventType);
        }
    }

    /** The record read when the event was (null for a tree, a misshapen one, or JSON null). */
    public Object value() {
        return value;
    }

    /** The data as a JSON tree, read from the bytes only if the event was read into its record. */
    public JsonNode tree() {
        if (tree == null) {
            tree = tree(bytes, json);
        }
        return tree;
    }

    private static PoisonEvent shape(String eventType) {
        return new PoisonEvent("Data of " + eventType + " does not have the expected shape");
    }
}

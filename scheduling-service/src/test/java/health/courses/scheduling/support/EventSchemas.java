package health.courses.scheduling.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published event schemas (META-INF/resources/asyncapi/schemas/&lt;type&gt;.json, served at /asyncapi/schemas/),
 * read from the classpath exactly as the service ships them, and a validator with format assertions on, so a
 * "uuid" or "date-time" that is not one fails too.
 */
public final class EventSchemas {

    public static final String LOCATION = "META-INF/resources/asyncapi/";

    /** Every event type of treatment-course-events, in the issues' order. */
    public static final List<String> COURSE_TYPES = List.of("course.scheduled.v1", "course.held.v1",
            "course.resumed.v1", "course.extended.v1", "course.cancelled.v1", "course.completed.v1",
            "session.scheduled.v1", "session.rescheduled.v1", "session.cancelled.v1", "session.missed.v1",
            "session.completed.v1", "patient.registered.v1");
    public static final List<String> CHECKIN_TYPES = List.of("checkin.answered.v1", "checkin.escalated.v1",
            "checkin.unanswered.v1");
    /** The patient's replies to reminders (issue 18): produced by notification-service on patient-checkin-events. */
    public static final List<String> REPLY_TYPES = List.of("session.confirmation-received.v1",
            "session.reschedule-requested.v1");
    /** Everything on patient-checkin-events, in the AsyncAPI channel's order. */
    public static final List<String> PATIENT_TYPES = java.util.stream.Stream.concat(CHECKIN_TYPES.stream(),
            REPLY_TYPES.stream()).toList();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static JsonNode schemaDocument(String type) {
        String path = LOCATION + "schemas/" + type + ".json";
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no schema for event type " + type + " (" + path + ")");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validation messages; empty when {@code data} is a valid {@code type} payload. */
    public static Set<ValidationMessage> problems(String type, String data) {
        try {
            return problems(type, JSON.readTree(data));
        } catch (IOException e) {
            throw new AssertionError(type + " data is not JSON: " + data, e);
        }
    }

    public static Set<ValidationMessage> problems(String type, JsonNode data) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(type, t -> FACTORY.getSchema(schemaDocument(t), CONFIG));
        return schema.validate(data);
    }

    /** Fails with every violation named, so a test report shows what was wrong with which event. */
    public static void assertValid(String type, String data) {
        Set<ValidationMessage> problems = problems(type, data);
        if (!problems.isEmpty()) {
            throw new AssertionError(type + " does not match its schema: " + problems + "\n  data: " + data);
        }
    }
}

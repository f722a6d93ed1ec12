package health.courses.notification.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.CourseEvents;
import health.courses.localstack.TopicTap;
import health.courses.localstack.Topics;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The producer's contract, not a copy of its classes: every example in scheduling-service's published JSON Schemas
 * for treatment-course-events is sent over the real topic and must be accepted (recorded in the inbox), never
 * dead-lettered. A payload change on the producer side that this consumer cannot read fails here.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ProducerContractExamplesTest {

    /** Where the producer keeps the contract it serves at /asyncapi/schemas/ (the repo is the shared artifact). */
    private static final Path SCHEMAS = Path.of("..", "scheduling-service", "src", "main", "resources",
            "META-INF", "resources", "asyncapi", "schemas");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyPublishedExampleOfTheCourseTopicIsAccepted() throws IOException {
        List<UUID> eventIds = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (Path schema : courseTopicSchemas()) {
            String type = schema.getFileName().toString().replace(".json", "");
            for (JsonNode example : json.readTree(schema.toFile()).path("examples")) {
                UUID eventId = UUID.randomUUID();
                eventIds.add(eventId);
                // the key: the course id; patient.registered.v1 (issue 19) has none and is keyed by the patient id
                String key = example.has("courseId") ? example.path("courseId").asText() : example.path("patientId").asText();
                records.add(CourseEvents.event(eventId, type, UUID.fromString(key),
                        json.writeValueAsString(example).getBytes(StandardCharsets.UTF_8)));
            }
        }
        assertThat("one example at least per course and session type", records.size(), greaterThanOrEqualTo(11));

        List<String> ids = eventIds.stream().map(UUID::toString).toList();
        String placeholders = String.join(",", ids.stream().map(id -> "?").toList());
        try (TopicTap<byte[]> deadLetters = TopicTap.bytes(TestStack.bootstrapServers(), TestStack.DEAD_LETTERS)) {
            CourseEvents.publish(records.toArray(ProducerRecord[]::new));

            // Each example ends either applied (inbox) or dead-lettered: wait until all are one or the other.
            await().atMost(PATIENCE).until(
                    () -> accepted(placeholders, eventIds).size() + deadLettered(deadLetters, ids).size(),
                    settled -> settled == ids.size());
            assertThat("examples the consumer could not read", deadLettered(deadLetters, ids), empty());
            assertThat(accepted(placeholders, eventIds), hasSize(ids.size()));
        }
    }

    private static List<?> accepted(String placeholders, List<UUID> eventIds) {
        return TestStack.query("select event_id from inbox where event_id in (" + placeholders + ")",
                eventIds.toArray());
    }

    private static List<String> deadLettered(TopicTap<byte[]> deadLetters, List<String> ids) {
        return deadLetters.stream()
                .map(record -> Topics.header(record.headers(), "ce_id"))
                .filter(ids::contains)
                .toList();
    }

    private static List<Path> courseTopicSchemas() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            return files.filter(file -> file.getFileName().toString().matches("(course|session|patient)\\..*\\.v\\d+\\.json"))
                    .sorted()
                    .toList();
        }
    }
}

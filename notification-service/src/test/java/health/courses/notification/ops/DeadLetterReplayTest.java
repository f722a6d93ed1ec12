package health.courses.notification.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import health.courses.localstack.DemoClinics;
import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.CourseEvents;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The operator's way out of a dead letter: an event the consumer could not apply (a handler defect, see
 * {@link ReplayProbe}) lands in the dead-letter topic, is listed and inspected without its sensitive values, and
 * once the defect is fixed a replay applies it exactly once; a second replay is refused.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class DeadLetterReplayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    ReplayProbe probe;

    @Test
    void aDeadLetterIsListedInspectedAndAppliedOnceAfterReplay() {
        String operatorA = TestStack.token(DemoClinics.A, "operator");
        UUID course = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        UUID followUp = UUID.randomUUID();
        String data = """
                {"clinicId":"%s","courseId":"%s","note":"free text that must not be shown"}""".formatted(DemoClinics.A, course);

        probe.defective(true);
        try {
            CourseEvents.publish(probe(event, course, data));
            // the defective handler rejects it: dead-lettered, nothing applied
            String id = await().atMost(PATIENCE).until(() -> deadLetterIdOf(operatorA, event), found -> found != null);
            assertThat(probe.timesApplied(event), equalTo(0));

            JsonPath letter = JsonPath.from(given().auth().oauth2(operatorA).get("/api/v1/ops/dead-letters/{id}", id)
                    .then().statusCode(200).extract().asString());
            assertThat(letter.getString("eventType"), equalTo(ReplayProbe.TYPE));
            assertThat(letter.getString("clinicId"), equalTo(DemoClinics.A));
            assertThat(letter.getString("reason"), containsString("cannot apply"));
            assertThat(letter.getString("originalTopic"), equalTo(TestStack.COURSE_EVENTS));
            assertThat(letter.getString("headers.ce_id"), equalTo(event.toString()));
            assertThat(letter.getString("payload.courseId"), equalTo(course.toString()));
            assertThat(letter.getString("payload.note"), equalTo(PayloadRedaction.REDACTED));
            assertThat(letter.prettify(), not(containsString("free text")));

            // not an operator: 403; another clinic's operator: 404, as for a record that does not exist
            given().auth().oauth2(TestStack.token(DemoClinics.A, "booking", "clinician"))
                    .get("/api/v1/ops/dead-letters").then().statusCode(403);
            given().auth().oauth2(TestStack.token(DemoClinics.B, "operator"))
                    .get("/api/v1/ops/dead-letters/{id}", id).then().statusCode(404);
            given().auth().oauth2(TestStack.token(DemoClinics.B, "operator"))
                    .post("/api/v1/ops/dead-letters/{id}/replay", id).then().statusCode(404);
            given().auth().oauth2(operatorA).get("/api/v1/ops/dead-letters/{id}", "not-an-id")
                    .then().statusCode(400).body("errors[0].field", equalTo("id"));

            probe.defective(false); // the fixed handler is deployed
            given().auth().oauth2(operatorA).post("/api/v1/ops/dead-letters/{id}/replay", id)
                    .then().statusCode(202).body("topic", equalTo(TestStack.COURSE_EVENTS));
            await().atMost(PATIENCE).until(() -> probe.timesApplied(event) == 1);
            given().auth().oauth2(operatorA).post("/api/v1/ops/dead-letters/{id}/replay", id)
                    .then().statusCode(409).contentType("application/problem+json");
            // One audit entry, from the replay that happened; the refused one left none.
            assertThat(TestStack.query("select action, role from audit_log where clinic_id = ? and resource_type = ?"
                    + " and resource_id = ?", UUID.fromString(DemoClinics.A), "dead-letter", id),
                    equalTo(List.of(Map.of("action", "dead-letter.replayed", "role", "operator"))));
            given().auth().oauth2(operatorA).get("/api/v1/ops/dead-letters/{id}", id)
                    .then().statusCode(200).body("replayedAt", notNullValue());

            // The replayed record delivered again (a producer retry, a rebalance) is dropped by the inbox: once the
            // next event of the same course (same partition, after it) is applied, the first still counts one.
            CourseEvents.publish(replayedAgain(event, course, data), probe(followUp, course, data));
            await().atMost(PATIENCE).until(() -> probe.timesApplied(followUp) == 1);
            assertThat(probe.timesApplied(event), equalTo(1));
            assertThat(TestStack.query("select event_id from inbox where event_id = ?", event), hasSize(1));
        } finally {
            probe.defective(false);
        }
    }

    private static ProducerRecord<String, byte[]> probe(UUID event, UUID course, String data) {
        return CourseEvents.event(event, ReplayProbe.TYPE, course, data.getBytes(StandardCharsets.UTF_8));
    }

    private static ProducerRecord<String, byte[]> replayedAgain(UUID event, UUID course, String data) {
        ProducerRecord<String, byte[]> record = probe(event, course, data);
        CourseEvents.header(record, DeadLetterReplays.REPLAYED_FROM, "treatment-course-events.dlq/0/0");
        return record;
    }

    private static String deadLetterIdOf(String token, UUID event) {
        List<Map<String, Object>> items = given().auth().oauth2(token).get("/api/v1/ops/dead-letters?limit=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> event.toString().equals(item.get("eventId")))
                .map(item -> (String) item.get("id")).findFirst().orElse(null);
    }
}

package health.courses.notification.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import health.courses.localstack.DemoClinics;
import health.courses.localstack.LocalStackTestResource;
import health.courses.localstack.ReceivedMail;
import health.courses.notification.CourseEvents;
import health.courses.localstack.TopicTap;
import health.courses.localstack.Topics;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class PoisonEventTest {

    private static final UUID CLINIC = UUID.fromString(DemoClinics.A);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextEventIsStillApplied() {
        UUID patient = UUID.randomUUID();
        String address = "patient-" + patient + "@example.org";
        RestAssured.given().auth().oauth2(TestStack.token(DemoClinics.A, "booking")).contentType(ContentType.JSON)
                .body(Map.of("email", address)).put("/api/v1/patients/{patientId}/contact", patient)
                .then().statusCode(201);
        UUID course = UUID.randomUUID();
        UUID notJson = UUID.randomUUID();
        UUID noType = UUID.randomUUID();
        ProducerRecord<String, byte[]> withoutType = CourseEvents.courseScheduled(noType, CLINIC, course, patient);
        CourseEvents.header(withoutType, "ce_type", null);

        // One key, one partition: the good event is only reached past both poison records.
        CourseEvents.publish(
                CourseEvents.event(notJson, "course.scheduled.v1", course,
                        "this is not JSON".getBytes(StandardCharsets.UTF_8)),
                withoutType,
                CourseEvents.courseScheduled(UUID.randomUUID(), CLINIC, course, patient));

        List<ReceivedMail> mails = await().atMost(PATIENCE)
                .until(() -> TestStack.mailbox(address), received -> !received.isEmpty());
        assertThat(mails, hasSize(1));

        try (TopicTap<byte[]> deadLetters = TopicTap.bytes(TestStack.bootstrapServers(), TestStack.DEAD_LETTERS)) {
            List<ConsumerRecord<String, byte[]>> ours = await().atMost(PATIENCE)
                    .until(() -> deadLetters.stream().filter(r -> course.toString().equals(r.key())).toList(),
                            records -> records.size() == 2);
            ConsumerRecord<String, byte[]> first = ours.get(0);
            assertThat(Topics.header(first.headers(), "ce_id"), equalTo(notJson.toString()));
            assertThat(new String(first.value(), StandardCharsets.UTF_8), equalTo("this is not JSON"));
            assertThat(Topics.header(first.headers(), "dead-letter-reason"), notNullValue());
            assertThat(Topics.header(ours.get(1).headers(), "ce_id"), equalTo(noType.toString()));
        }
        assertThat(TestStack.query("select 1 from inbox where event_id in (?, ?)", notJson, noType), empty());
    }
}

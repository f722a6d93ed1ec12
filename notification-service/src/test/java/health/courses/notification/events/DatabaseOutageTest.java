package health.courses.notification.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents;
import health.courses.notification.SessionEvents.Session;
import health.courses.localstack.TopicTap;
import health.courses.localstack.Topics;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class DatabaseOutageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aGoodEventWaitsOutAnOutageInsteadOfBeingDeadLettered() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", "PT2H");
        Session session = Session.random(clinic.id());
        UUID eventId = UUID.randomUUID();

        // The table the event's transaction writes to is gone for a while: every attempt fails, as in an outage
        // of the database (the simplest outage one test JVM can cause without stopping its shared database).
        TestStack.execute("alter table session_state rename to session_state_offline");
        try {
            CourseEvents.publish(SessionEvents.session(eventId, "session.scheduled.v1", session,
                    OffsetDateTime.now(ZoneOffset.UTC).plusDays(2), 0, "scheduled", 1, null));
            await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.name", hasItem("course-events-consumer")));
            // Several retries later: still not applied, and not dead-lettered.
            await().pollDelay(Duration.ofSeconds(5)).atMost(PATIENCE).until(() -> true);
            assertThat(TestStack.query("select 1 from inbox where event_id = ?", eventId), empty());
        } finally {
            TestStack.execute("alter table session_state_offline rename to session_state");
        }

        await().atMost(PATIENCE).until(() -> TestStack.query("select 1 from inbox where event_id = ?", eventId),
                rows -> rows.size() == 1);
        assertThat(TestStack.query("select 1 from notification where session_id = ?", session.sessionId()), hasSize(1));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        try (TopicTap<byte[]> deadLetters = TopicTap.bytes(TestStack.bootstrapServers(), TestStack.DEAD_LETTERS)) {
            await().pollDelay(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> true);
            assertThat(deadLetters.stream().filter(r -> eventId.toString()
                    .equals(Topics.header(r.headers(), "ce_id")))
                    .toList(), empty());
        }
    }
}

package health.courses.notification.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import health.courses.localstack.DemoClinics;
import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What the dashboard and the alerts read from this service, and the "due but not sent" gauge doing its job. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OperationsMetricsTest {

    private static final Pattern DUE_UNSENT = Pattern.compile("(?m)^courses_notifications_due_unsent(?:\\{[^}]*})? (\\S+)$");

    @Test
    void theOperatorsMetricsArePublished() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : new String[] { "courses_notifications_planned_total", "courses_notifications_sent_total",
                "courses_notifications_failed_total", "courses_notifications_withdrawn_total",
                "courses_notifications_send_lateness_seconds_bucket", "courses_notifications_due_unsent",
                "courses_dead_letters_total", "courses_dead_letter_records" }) {
            org.hamcrest.MatcherAssert.assertThat(name, metrics, containsString(name));
        }
    }

    @Test
    void aNotificationStuckPastItsDueTimeIsCountedUntilItGoes() {
        long before = await().atMost(Duration.ofSeconds(30)).until(OperationsMetricsTest::dueUnsent, value -> value >= 0);
        UUID id = UUID.randomUUID();
        // claimed ten minutes after it fell due by a dispatcher that then went away; its lease runs for another day
        TestStack.execute("""
                insert into notification (id, clinic_id, patient_id, course_id, kind, channel, due_at, status,
                                          next_attempt_at, attempts, idempotency_key, payload)
                values (?, ?, ?, ?, 'session-reminder', 'email', now() - interval '10 minutes', 'sending',
                        now() + interval '1 day', 1, ?, '{}'::jsonb)""",
                id, UUID.fromString(DemoClinics.A), UUID.randomUUID(), UUID.randomUUID(), "ops-test:" + id);
        long counted;
        try {
            // at least ours on top of what was there (other tests' rows may come and go meanwhile)
            counted = await().atMost(Duration.ofSeconds(30)).until(OperationsMetricsTest::dueUnsent, value -> value > before);
        } finally {
            TestStack.execute("delete from notification_event where notification_id = ?", id);
            TestStack.execute("delete from notification where id = ?", id);
        }
        await().atMost(Duration.ofSeconds(30)).until(OperationsMetricsTest::dueUnsent, value -> value < counted);
    }

    private static long dueUnsent() {
        Matcher value = DUE_UNSENT.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return value.find() ? (long) Double.parseDouble(value.group(1)) : -1;
    }
}

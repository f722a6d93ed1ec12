package health.courses.notification.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import health.courses.localstack.TopicTap;
import health.courses.localstack.Topics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents;
import health.courses.notification.SessionEvents.Session;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Consumption a polled batch at a time. The records of each test share one key (one course), so they land in one
 * partition, in order, and are sent in one producer call: the consumer polls them together or in a few batches.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class BatchConsumptionTest {

    /** A clinic of its own: the default settings (reminders 24 h and 2 h before, by email), whatever other tests save. */
    private static final UUID CLINIC = UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final OffsetDateTime NEXT_MONTH = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).withNano(0);

    @Test
    void aPoisonRecordInTheMiddleIsDeadLetteredAloneAndTheOthersAreApplied() {
        Session first = Session.random(CLINIC);
        Session third = first.another();
        UUID poison = UUID.randomUUID();
        // A readable envelope whose data its handler refuses: found only inside the batch's transaction.
        ProducerRecord<String, byte[]> refused = CourseEvents.event(poison, "session.scheduled.v1", first.courseId(),
                "{\"clinicId\":\"%s\"}".formatted(CLINIC).getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> before = SessionEvents.scheduled(first, NEXT_MONTH, 1);
        ProducerRecord<String, byte[]> after = SessionEvents.scheduled(third, NEXT_MONTH.plusDays(1), 1);

        CourseEvents.publish(before, refused, after);

        await().atMost(PATIENCE).until(() -> TestStack.query(
                "select 1 from session_state where session_id in (?, ?)", first.sessionId(), third.sessionId()),
                rows -> rows.size() == 2);
        assertThat(TestStack.query("select 1 from inbox where event_id = ?", poison), empty());
        assertThat(TestStack.query("select 1 from inbox where event_id in (?, ?)", eventId(before), eventId(after)),
                hasSize(2));
        try (TopicTap<byte[]> deadLetters = TopicTap.bytes(TestStack.bootstrapServers(), TestStack.DEAD_LETTERS)) {
            List<ConsumerRecord<String, byte[]>> ours = await().atMost(PATIENCE)
                    .until(() -> deadLetters.stream().filter(r -> first.courseId().toString().equals(r.key())).toList(),
                            records -> !records.isEmpty());
            assertThat(ours, hasSize(1));
            assertThat(Topics.header(ours.get(0).headers(), "ce_id"), equalTo(poison.toString()));
        }
    }

    @Test
    void aRedeliveredBatchAppliesNothingTwice() {
        Session course = Session.random(CLINIC);
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Session session = course.another();
            sessions.add(session.sessionId());
            batch.add(SessionEvents.scheduled(session, NEXT_MONTH.plusDays(i), 1));
        }
        publish(batch);
        await().atMost(PATIENCE).until(() -> planned(course), count -> count == 10 * 2);

        // The same records again (same ce_id), then a new event behind them in the same partition: once that one is
        // applied, the redelivery before it has been consumed too.
        Session marker = course.another();
        List<ProducerRecord<String, byte[]>> again = new ArrayList<>();
        for (ProducerRecord<String, byte[]> record : batch) {
            again.add(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
        }
        again.add(SessionEvents.scheduled(marker, NEXT_MONTH, 1));
        publish(again);
        await().atMost(PATIENCE).until(() -> TestStack.query("select 1 from session_state where session_id = ?",
                marker.sessionId()), rows -> rows.size() == 1);

        assertThat(planned(course), equalTo(11L * 2));
        assertThat(TestStack.query("select 1 from inbox where event_id::text = any(string_to_array(?, ','))",
                ids(batch)), hasSize(10));
    }

    /**
     * Counted by the database, not by the code under test: {@code now()} is the start of the transaction, so the
     * inbox rows of one transaction share their {@code received_at} and the notifications their {@code planned_at}.
     * One event per transaction would show as many distinct times as events.
     */
    @Test
    void aBatchIsAppliedInAFewTransactionsNotOnePerEvent() {
        Session course = Session.random(CLINIC);
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(SessionEvents.scheduled(course.another(), NEXT_MONTH.plusHours(i), 1));
        }
        String ids = ids(batch);

        publish(batch);
        await().atMost(PATIENCE).until(() -> planned(course), count -> count == 100 * 2);

        long transactions = (Long) TestStack.query(
                "select count(distinct received_at) as n from inbox where event_id::text = any(string_to_array(?, ','))", ids)
                .get(0).get("n");
        long planningTransactions = (Long) TestStack.query(
                "select count(distinct planned_at) as n from notification where course_id = ?", course.courseId())
                .get(0).get("n");
        assertThat(transactions, greaterThan(0L));
        assertThat(transactions, lessThanOrEqualTo(25L));
        assertThat(planningTransactions, equalTo(transactions));
    }

    /**
     * A run of session.scheduled.v1 goes in a few statements: a session we knew at an older version is withdrawn
     * and planned again, one we knew at the same version (a new event id, nothing new) is left as it was.
     */
    @Test
    void aRunOfScheduledSessionsReplansOnlyWhatIsNewer() {
        Session course = Session.random(CLINIC);
        Session moved = course.another();
        Session repeated = course.another();
        publish(List.of(SessionEvents.scheduled(moved, NEXT_MONTH, 1), SessionEvents.scheduled(repeated, NEXT_MONTH, 1)));
        await().atMost(PATIENCE).until(() -> planned(course), count -> count == 2 * 2);

        Session added = course.another();
        publish(List.of(SessionEvents.scheduled(moved, NEXT_MONTH.plusDays(2), 2),
                SessionEvents.scheduled(repeated, NEXT_MONTH.plusDays(5), 1),
                SessionEvents.scheduled(added, NEXT_MONTH.plusDays(3), 1)));
        await().atMost(PATIENCE).until(() -> TestStack.query("select 1 from session_state where session_id = ?",
                added.sessionId()), rows -> rows.size() == 1);

        assertThat(reminders(moved, "withdrawn"), equalTo(2L));
        assertThat(reminders(moved, "planned"), equalTo(2L));
        assertThat(reminders(repeated, "planned"), equalTo(2L));
        assertThat(reminders(repeated, "withdrawn"), equalTo(0L));
        assertThat(reminders(added, "planned"), equalTo(2L));
        // the repeated event, not newer, changed nothing: the session keeps its first start
        assertThat(TestStack.query("select 1 from session_state where session_id = ? and starts_at = ?",
                repeated.sessionId(), NEXT_MONTH), hasSize(1));
    }

    private static long reminders(Session session, String status) {
        return (Long) TestStack.query("select count(*) as n from notification where session_id = ? and status = ?",
                session.sessionId(), status).get(0).get("n");
    }

    private static long planned(Session course) {
        return (Long) TestStack.query("select count(*) as n from notification where course_id = ? and kind = 'session-reminder'",
                course.courseId()).get(0).get("n");
    }

    @SuppressWarnings("unchecked")
    private static void publish(List<ProducerRecord<String, byte[]>> records) {
        CourseEvents.publish(records.toArray(ProducerRecord[]::new));
    }

    private static String ids(List<ProducerRecord<String, byte[]>> records) {
        return String.join(",", records.stream().map(record -> eventId(record).toString()).toList());
    }

    private static UUID eventId(ProducerRecord<String, byte[]> record) {
        return UUID.fromString(Topics.header(record.headers(), "ce_id"));
    }
}

package health.courses.notification.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import health.courses.notification.notification.ErrorText;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes the outbox to patient-checkin-events: at least once, in order per course, nothing lost across restarts
 * (the rows are in PostgreSQL until the broker acked them). Modelled on scheduling-service's relay, smaller: a
 * round is one transaction that locks the oldest pending row of up to N courses ({@code FOR UPDATE SKIP LOCKED}, so
 * replicas take different courses), sends each course's pending rows one after the other (the next only after the
 * previous ack, stopping at the first failure so nothing overtakes it), then marks what was acked as published and
 * gives a failed row a backoff. A crash after the send and before the mark publishes a row again with the same
 * {@code ce_id}; consumers deduplicate by it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String CLAIM_COURSES = """
            select head.course_id from outbox_event head
             where head.status = 'pending' and head.next_attempt_at <= now()
               and not exists (select 1 from outbox_event older
                                where older.course_id = head.course_id and older.status = 'pending'
                                  and older.publish_order < head.publish_order)
             order by head.publish_order
             limit $1
               for update of head skip locked""";
    private static final String PENDING = """
            select id, course_id, type, subject, occurred_at, payload::text as payload, attempts from outbox_event
             where status = 'pending' and course_id = any($1)
             order by course_id, publish_order""";
    private static final String MARK_PUBLISHED = """
            update outbox_event set status = 'published', published_at = clock_timestamp(), last_error = null
             where id = any($1)""";
    private static final String MARK_FAILED = """
            update outbox_event set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2),
                   last_error = $3
             where id = $1""";
    private static final String PURGE = """
            delete from outbox_event where status = 'published' and published_at < now() - make_interval(secs => $1)""";

    private final Pool pool;
    private final CloudEventPublisher publisher;
    private final OutboxConfig config;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenDuringRound = new AtomicBoolean();
    private volatile boolean stopped;

    OutboxRelay(Pool pool, CloudEventPublisher publisher, OutboxConfig config) {
        this.pool = pool;
        this.publisher = publisher;
        this.config = config;
    }

    /** Once the topic exists, so the first send cannot auto-create it with the broker's defaults. */
    void start() {
        ready.set(true);
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
    }

    /** Asks for a round; a wake-up during a round asks for one more after it. */
    public void wake() {
        if (!ready.get() || stopped) {
            return;
        }
        wokenDuringRound.set(true);
        if (running.compareAndSet(false, true)) {
            round();
        }
    }

    @Scheduled(identity = "checkin-outbox-relay", every = "${courses.notification.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    @Scheduled(identity = "checkin-outbox-purge", every = "1h", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.preparedQuery(PURGE).execute(Tuple.of((double) config.retention().toSeconds())).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private void round() {
        wokenDuringRound.set(false);
        pool.withTransaction(this::publishClaimed).subscribe().with(full -> {
            running.set(false);
            if (full || wokenDuringRound.get()) {
                wake();
            }
        }, failure -> {
            running.set(false);
            // The next poll tries again; a database outage must not become a busy loop.
            LOG.warnf("Outbox round failed, retrying on the next poll: %s", ErrorText.of(failure));
        });
    }

    private Uni<Boolean> publishClaimed(SqlConnection connection) {
        return connection.preparedQuery(CLAIM_COURSES).execute(Tuple.of(config.coursesPerRound()))
                .chain(claimed -> {
                    List<UUID> courses = new ArrayList<>();
                    claimed.forEach(row -> courses.add(row.getUUID("course_id")));
                    if (courses.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    return connection.preparedQuery(PENDING).execute(Tuple.of(courses.toArray(UUID[]::new)))
                            .chain(rows -> publishAll(connection, rows(rows)))
                            .replaceWith(courses.size() == config.coursesPerRound());
                });
    }

    private Uni<Void> publishAll(SqlConnection connection, List<OutboxRow> rows) {
        Map<UUID, List<OutboxRow>> byCourse = new LinkedHashMap<>();
        rows.forEach(row -> byCourse.computeIfAbsent(row.courseId(), id -> new ArrayList<>()).add(row));
        List<Uni<Outcome>> courses = byCourse.values().stream()
                .map(courseRows -> inOrder(courseRows, 0, new ArrayList<>())).toList();
        return Uni.join().all(courses).andFailFast().chain(outcomes -> record(connection, outcomes));
    }

    private Uni<Outcome> inOrder(List<OutboxRow> rows, int next, List<UUID> published) {
        if (next == rows.size()) {
            return Uni.createFrom().item(new Outcome(published, null, null));
        }
        OutboxRow row = rows.get(next);
        return publisher.publish(row)
                .ifNoItem().after(config.sendTimeout()).fail()
                .map(acked -> (Throwable) null)
                .onFailure().recoverWithItem(failure -> failure)
                .chain(failure -> {
                    if (failure != null) {
                        return Uni.createFrom().item(new Outcome(published, row, failure));
                    }
                    published.add(row.id());
                    return inOrder(rows, next + 1, published);
                });
    }

    private Uni<Void> record(SqlConnection connection, List<Outcome> outcomes) {
        UUID[] published = outcomes.stream().flatMap(outcome -> outcome.published().stream()).toArray(UUID[]::new);
        Uni<Void> marks = published.length == 0 ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(published)).replaceWithVoid();
        for (Outcome outcome : outcomes) {
            if (outcome.failed() != null) {
                Duration retryIn = backoff(outcome.failed().attempts());
                String error = ErrorText.of(outcome.failure());
                LOG.warnf("Publishing %s (%s) failed, attempt %d, retry in %s: %s", outcome.failed().id(),
                        outcome.failed().type(), outcome.failed().attempts() + 1, retryIn, error);
                marks = marks.chain(() -> connection.preparedQuery(MARK_FAILED)
                        .execute(Tuple.of(outcome.failed().id(), retryIn.toMillis() / 1000.0, error))
                        .replaceWithVoid());
            }
        }
        return marks;
    }

    Duration backoff(int attemptsSoFar) {
        Duration delay = config.initialBackoff().multipliedBy(1L << Math.min(attemptsSoFar, 20));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    private static List<OutboxRow> rows(Iterable<Row> rows) {
        List<OutboxRow> found = new ArrayList<>();
        for (Row row : rows) {
            found.add(new OutboxRow(row.getUUID("id"), row.getUUID("course_id"), row.getString("type"),
                    row.getString("subject"), row.getOffsetDateTime("occurred_at"), row.getString("payload"),
                    row.getInteger("attempts")));
        }
        return found;
    }

    private record Outcome(List<UUID> published, OutboxRow failed, Throwable failure) {
    }
}

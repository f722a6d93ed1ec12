package health.courses.scheduling.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka and marks them published only after the broker's ack, so a crash anywhere loses
 * nothing (it may publish a row twice; consumers dedupe by ce_id).
 *
 * <p>One round is one transaction: claim up to N courses by locking each course's oldest pending row
 * ({@link OutboxStore}), send each course's pending rows strictly in order (the next only after the previous one's
 * ack, stopping at the first failure so nothing overtakes it), send different courses in parallel, then mark what
 * was acked as published and give the failed row a backoff. Several replicas claim different courses and skip
 * each other's locks. Rounds are triggered by NOTIFY from the insert trigger ({@link OutboxWakeUp}) and by a
 * short fallback poll; one round runs at a time per replica, and a wake-up during a round triggers another.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int PURGE_BATCH = 10_000;

    private final Pool pool;
    private final OutboxStore store;
    private final CloudEventPublisher publisher;
    private final OutboxConfig config;
    private final OutboxMetrics metrics;

    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenDuringRound = new AtomicBoolean();

    OutboxRelay(Pool pool, OutboxStore store, CloudEventPublisher publisher, OutboxConfig config,
            OutboxMetrics metrics) {
        this.pool = pool;
        this.store = store;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    /** Called once the topic exists, so the first send cannot auto-create it with the broker's defaults. */
    void start() {
        if (ready.compareAndSet(false, true)) {
            wake();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped.set(true);
    }

    /** Asks for a round; cheap and safe to call from any thread, as often as wanted. */
    public void wake() {
        if (!config.enabled() || !ready.get() || stopped.get()) {
            return;
        }
        wokenDuringRound.set(true);
        if (running.compareAndSet(false, true)) {
            round();
        }
    }

    @Scheduled(every = "${courses.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    @Scheduled(every = "${courses.outbox.purge-interval}", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.withTransaction(connection -> store.purgePublished(connection, config.retention(), PURGE_BATCH))
                .invoke(purged -> {
                    if (purged > 0) {
                        LOG.infof("Purged %d published outbox rows older than %s", purged, config.retention());
                    }
                })
                .replaceWithVoid();
    }

    private void round() {
        wokenDuringRound.set(false);
        pool.withTransaction(this::publishClaimed)
                .subscribe().with(claimedFull -> {
                    running.set(false);
                    if (claimedFull || wokenDuringRound.get()) {
                        wake();
                    }
                }, failure -> {
                    running.set(false);
                    // The fallback poll retries; a database outage must not turn into a busy loop.
                    LOG.warnf("Outbox round failed, retrying on the next poll: %s", failure.toString());
                });
    }

    /** @return whether the claim was full, i.e. more work is likely waiting right now */
    private Uni<Boolean> publishClaimed(SqlConnection connection) {
        return store.claimCourses(connection, config.coursesPerClaim())
                .flatMap(courses -> courses.isEmpty()
                        ? Uni.createFrom().item(false)
                        : store.pendingOf(connection, courses, config.rowsPerClaim())
                                .flatMap(rows -> publishAll(connection, rows))
                                .map(ignored -> courses.size() == config.coursesPerClaim()));
    }

    private Uni<Void> publishAll(SqlConnection connection, List<OutboxRow> rows) {
        Map<UUID, List<OutboxRow>> byCourse = new LinkedHashMap<>();
        rows.forEach(row -> byCourse.computeIfAbsent(row.aggregateId(), id -> new ArrayList<>()).add(row));
        if (byCourse.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<CourseOutcome>> courses = byCourse.values().stream()
                .map(courseRows -> publishInOrder(courseRows, 0, new ArrayList<>()))
                .toList();
        return Uni.join().all(courses).andFailFast()
                .flatMap(outcomes -> record(connection, outcomes));
    }

    private Uni<CourseOutcome> publishInOrder(List<OutboxRow> rows, int next, List<UUID> published) {
        if (next == rows.size()) {
            return Uni.createFrom().item(new CourseOutcome(published, null, null));
        }
        OutboxRow row = rows.get(next);
        return publisher.publish(row)
                .ifNoItem().after(config.sendTimeout()).fail()
                .map(acked -> (Throwable) null)
                .onFailure().recoverWithItem(failure -> failure)
                .flatMap(failure -> {
                    if (failure != null) {
                        return Uni.createFrom().item(new CourseOutcome(published, row, failure));
                    }
                    published.add(row.id());
                    metrics.published(row);
                    return publishInOrder(rows, next + 1, published);
                });
    }

    private Uni<Void> record(SqlConnection connection, List<CourseOutcome> outcomes) {
        List<UUID> published = outcomes.stream().flatMap(outcome -> outcome.published().stream()).toList();
        Uni<Void> marks = store.markPublished(connection, published);
        for (CourseOutcome outcome : outcomes) {
            if (outcome.failed() != null) {
                OutboxRow failed = outcome.failed();
                Duration retryIn = backoff(failed.attempts());
                LOG.warnf("Publishing outbox row %s (%s of course %s) failed, attempt %d, retry in %s: %s",
                        failed.id(), failed.type(), failed.aggregateId(), failed.attempts() + 1, retryIn,
                        outcome.failure().toString());
                marks = marks.chain(() -> store.markFailed(connection, failed.id(), retryIn,
                        outcome.failure().toString()));
            }
        }
        return marks;
    }

    /** Doubles per attempt from the initial delay, capped, so a broker outage is probed but not hammered. */
    Duration backoff(int attemptsSoFar) {
        Duration delay = config.initialBackoff().multipliedBy(1L << Math.min(attemptsSoFar, 20));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    private record CourseOutcome(List<UUID> published, OutboxRow failed, Throwable failure) {
    }
}

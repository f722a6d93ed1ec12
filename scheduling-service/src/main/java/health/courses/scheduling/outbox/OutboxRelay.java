package health.courses.scheduling.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka and marks them published only after the broker's ack, so a crash anywhere loses
 * nothing (it may publish a row twice; consumers dedupe by ce_id).
 *
 * <p>One round: claim up to N courses under a lease (one short statement, {@link OutboxStore}), send each course's
 * rows strictly in order (the next after the previous ack, stopping at the first failure so nothing overtakes it),
 * different courses in parallel, await them all, then record in one statement: each course's acknowledged prefix
 * published, its failed row given a backoff. No transaction is open during the sends; a relay that dies leaves its
 * lease to run out, and another relay (or itself, restarted) takes the courses over from their heads (a duplicate
 * publish is possible, a reordering is not). Rounds are triggered by NOTIFY from the insert trigger
 * ({@link OutboxWakeUp}) and by a short fallback poll; one round runs at a time per replica, and a wake-up during a
 * round triggers another.
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

    /** Names this relay's leases (claimed_by): which replica holds a course, for operators reading the table. */
    private final String name = "relay-" + UUID.randomUUID();
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
        store.claim(pool, config.coursesPerClaim(), config.lease(), name)
                .flatMap(rows -> rows.isEmpty() ? Uni.createFrom().item(false) : publishAll(rows))
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

    /**
     * Courses in parallel, each course's rows strictly one after the other (the next only after the previous ack).
     * Back-to-back sends within a course were tried and lost order in BrokerOutageTest: a course's first record
     * expired during the outage while the later ones, sent behind it, were delivered when the broker came back, so
     * the course's first event reached the topic after its sessions. The idempotent producer keeps order across
     * retries, not across a record that fails for good.
     *
     * @return whether the claim was full, i.e. more work is likely waiting right now
     */
    private Uni<Boolean> publishAll(List<OutboxRow> rows) {
        Map<UUID, List<OutboxRow>> byCourse = new LinkedHashMap<>();
        rows.forEach(row -> byCourse.computeIfAbsent(row.aggregateId(), id -> new ArrayList<>()).add(row));
        List<Uni<CourseOutcome>> courses = byCourse.values().stream()
                .map(courseRows -> publishInOrder(courseRows, 0, new ArrayList<>()))
                .toList();
        return Uni.join().all(courses).andFailFast()
                .flatMap(this::record)
                .map(ignored -> byCourse.size() == config.coursesPerClaim());
    }

    private Uni<CourseOutcome> publishInOrder(List<OutboxRow> rows, int next, List<UUID> published) {
        if (next == rows.size()) {
            return Uni.createFrom().item(new CourseOutcome(published, null));
        }
        OutboxRow row = rows.get(next);
        return publisher.publish(row)
                .ifNoItem().after(config.sendTimeout()).fail()
                .map(acked -> (Throwable) null)
                .onFailure().recoverWithItem(failure -> failure)
                .flatMap(failure -> {
                    if (failure != null) {
                        Duration retryIn = backoff(row.attempts());
                        LOG.warnf("Publishing outbox row %s (%s of course %s) failed, attempt %d, retry in %s: %s",
                                row.id(), row.type(), row.aggregateId(), row.attempts() + 1, retryIn,
                                failure.toString());
                        return Uni.createFrom().item(new CourseOutcome(published,
                                new OutboxStore.Failed(row.id(), retryIn, failure.toString())));
                    }
                    published.add(row.id());
                    metrics.published(row);
                    return publishInOrder(rows, next + 1, published);
                });
    }

    /** One statement for the whole round: every course's acknowledged prefix, and each first failed row. */
    private Uni<Void> record(List<CourseOutcome> outcomes) {
        List<UUID> published = outcomes.stream().flatMap(outcome -> outcome.published().stream()).toList();
        List<OutboxStore.Failed> failed = outcomes.stream().map(CourseOutcome::failed)
                .filter(Objects::nonNull).toList();
        return store.record(pool, published, failed);
    }

    private record CourseOutcome(List<UUID> published, OutboxStore.Failed failed) {
    }

    /** Doubles per attempt from the initial delay, capped, so a broker outage is probed but not hammered. */
    Duration backoff(int attemptsSoFar) {
        Duration delay = config.initialBackoff().multipliedBy(1L << Math.min(attemptsSoFar, 20));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

}

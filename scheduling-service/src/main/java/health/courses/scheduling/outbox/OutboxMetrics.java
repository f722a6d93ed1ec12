package health.courses.scheduling.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What operators watch of the outbox (Prometheus names): {@code outbox_backlog} (pending rows),
 * {@code outbox_oldest_age_seconds} (age of the oldest pending row: grows while the broker is unreachable),
 * {@code outbox_events_published_total{type}} (acked by the broker) and {@code outbox_publish_lag_seconds}
 * (change written to broker ack). The gauges read the table on a short period rather than on every scrape, so a
 * scrape never waits for the database; they are table-wide, so every replica reports the same values.
 */
@ApplicationScoped
class OutboxMetrics {

    private static final String BACKLOG = """
            SELECT count(*) AS backlog, min(occurred_at) AS oldest
            FROM outbox_event WHERE status = 'pending'""";

    private final Pool pool;
    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<Double> oldestAgeSeconds = new AtomicReference<>(0.0);
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final Timer lag;

    OutboxMetrics(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("outbox.oldest.age.seconds", oldestAgeSeconds, AtomicReference::get)
                .description("Age of the oldest outbox row not yet acknowledged by the broker; 0 when none")
                .register(registry);
        lag = Timer.builder("outbox.publish.lag")
                .description("From the change writing its outbox row to the broker's ack of the event")
                .register(registry);
    }

    @Scheduled(every = "${courses.outbox.metrics-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return pool.query(BACKLOG).execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    backlog.set(row.getLong("backlog"));
                    var oldest = row.getOffsetDateTime("oldest");
                    oldestAgeSeconds.set(oldest == null ? 0.0
                            : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0));
                })
                .replaceWithVoid()
                // A database outage is reported by readiness; the gauges keep their last values meanwhile.
                .onFailure().recoverWithNull();
    }

    /** As of the last refresh; 0 when nothing is pending. */
    double oldestAgeSeconds() {
        return oldestAgeSeconds.get();
    }

    long backlog() {
        return backlog.get();
    }

    void published(OutboxRow row) {
        published.computeIfAbsent(row.type(), type -> Counter.builder("outbox.events.published")
                .description("Events acknowledged by the broker, by type")
                .tag("type", type)
                .register(registry)).increment();
        lag.record(Duration.between(row.occurredAt(), Instant.now()));
    }
}

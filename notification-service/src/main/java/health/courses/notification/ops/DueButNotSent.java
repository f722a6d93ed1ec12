package health.courses.notification.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code courses_notifications_due_unsent}: notifications due more than the grace period ago and still not sent
 * (planned, waiting for a retry, or claimed by a dispatcher that may have died). Zero in a healthy system; anything
 * else means reminders reach patients late or not at all. Table-wide, so every replica reports the same value; read
 * on a period so that a scrape never waits for the database.
 */
@Startup
@ApplicationScoped
public class DueButNotSent {

    private static final String OVERDUE = """
            select count(*) as overdue from notification
             where status in ('planned', 'sending') and due_at < now() - make_interval(secs => $1)""";

    private final Pool pool;
    private final Duration grace;
    private final AtomicLong overdue = new AtomicLong();

    DueButNotSent(Pool pool, @ConfigProperty(name = "courses.ops.due-unsent.grace", defaultValue = "60s") Duration grace,
            MeterRegistry registry) {
        this.pool = pool;
        this.grace = grace;
        Gauge.builder("courses.notifications.due.unsent", overdue, AtomicLong::get)
                .description("Notifications due more than " + grace.toSeconds() + " s ago and not sent yet")
                .register(registry);
    }

    @Scheduled(every = "${courses.ops.due-unsent.refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return pool.preparedQuery(OVERDUE).execute(Tuple.of((double) grace.toSeconds()))
                .invoke(rows -> overdue.set(rows.iterator().next().getLong("overdue")))
                .replaceWithVoid()
                // A database outage shows in readiness; the gauge keeps its last value meanwhile.
                .onFailure().recoverWithNull();
    }

    long current() {
        return overdue.get();
    }
}

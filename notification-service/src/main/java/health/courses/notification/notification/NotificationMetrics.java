package health.courses.notification.notification;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * What operators count of the patient messages (Prometheus names): {@code courses_notifications_planned_total},
 * {@code _sent_total}, {@code _failed_total} and {@code _withdrawn_total}, each by {@code kind} (a session reminder
 * is {@code kind="session-reminder"}) and {@code channel}; and {@code courses_notifications_send_lateness_seconds},
 * from the moment a message was due to the moment the provider accepted it (retries included), with SLO buckets so
 * that "95 % within a minute" can be read off Prometheus across replicas.
 */
// Created at start so that every series exists before its first event.
@Startup
@ApplicationScoped
public class NotificationMetrics {

    /** Registered at start, so the series exist (at zero) before the first reminder: alerts and dashboards need them. */
    private static final String REMINDER = "session-reminder";
    private static final String EMAIL = "email";

    private final MeterRegistry registry;
    private final Timer.Builder lateness;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lateness = Timer.builder("courses.notifications.send.lateness")
                .description("From a notification's due time to its provider's acceptance, retries included")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1))
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofHours(6));
        for (String outcome : new String[] { "planned", "sent", "failed", "withdrawn" }) {
            counter(outcome, REMINDER, EMAIL);
        }
        lateness.tags("kind", REMINDER, "channel", EMAIL).register(registry);
    }

    void planned(PlannedNotification planned) {
        counter("planned", planned.kind(), planned.channel()).increment();
    }

    void sent(Notification notification, OffsetDateTime sentAt) {
        counter("sent", notification.kind(), notification.channel()).increment();
        Duration late = Duration.between(notification.dueAt(), sentAt);
        // A message sent ahead of its due time (clock skew between replicas and database) is on time, not early.
        lateness.tags("kind", notification.kind(), "channel", notification.channel()).register(registry)
                .record(late.isNegative() ? Duration.ZERO : late);
    }

    void failed(Notification notification) {
        counter("failed", notification.kind(), notification.channel()).increment();
    }

    void withdrawn(String kind, String channel, int count) {
        if (count > 0) {
            counter("withdrawn", kind, channel).increment(count);
        }
    }

    private Counter counter(String outcome, String kind, String channel) {
        return Counter.builder("courses.notifications." + outcome)
                .description("Patient notifications " + outcome + ", by kind and channel")
                .tags("kind", kind, "channel", channel)
                .register(registry);
    }
}

package health.courses.notification.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * State changes are single guarded statements against the database clock. Every mark after a claim matches on
 * {@code status = 'sending' and attempts = <the claimed attempt>}: a dispatcher whose claim lapsed and was taken
 * over finds zero rows and changes nothing.
 */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    private final NotificationMetrics metrics;

    NotificationRepository(NotificationMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * The payload parameter is cast to text first: a parameter cast straight to jsonb is typed jsonb, and the
     * driver would then store the Java string as one JSON string instead of the object it spells.
     */
    Uni<Boolean> plan(UUID id, PlannedNotification planned, String payload, String traceparent) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into notification (id, clinic_id, patient_id, course_id, session_id, session_version, kind,
                                          channel, due_at, status, next_attempt_at, idempotency_key, payload,
                                          status_reason, skipped_at, traceparent)
                values (:id, :clinicId, :patientId, :courseId, :sessionId, :sessionVersion, :kind, :channel, :dueAt,
                        case when cast(:skipReason as text) is null then 'planned' else 'skipped' end, :dueAt,
                        :idempotencyKey, cast(cast(:payload as text) as jsonb), cast(:skipReason as text),
                        case when cast(:skipReason as text) is null then null else now() end,
                        cast(:traceparent as text))
                on conflict (idempotency_key) do nothing""")
                .setParameter("id", id)
                .setParameter("clinicId", planned.clinicId())
                .setParameter("patientId", planned.patientId())
                .setParameter("courseId", planned.courseId())
                .setParameter("sessionId", planned.sessionId().orElse(null))
                .setParameter("sessionVersion", planned.sessionVersion().orElse(null))
                .setParameter("kind", planned.kind())
                .setParameter("channel", planned.channel())
                .setParameter("dueAt", planned.dueAt())
                .setParameter("idempotencyKey", planned.idempotencyKey())
                .setParameter("payload", payload)
                .setParameter("skipReason", planned.skipReason().orElse(null))
                .setParameter("traceparent", traceparent)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Withdraws the reminders of these sessions that are still waiting. A reminder being sent right now is left
     * alone: its dispatcher checks the session again before sending and withdraws it itself if it is stale.
     */
    public Uni<Integer> withdrawReminders(List<UUID> sessionIds, String kind, String reason) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> session.createNativeQuery("""
                update notification set status = 'withdrawn', withdrawn_at = now(), status_reason = :reason
                 where session_id in (:sessionIds) and kind = :kind and status = 'planned'
                returning channel""", String.class)
                .setParameter("sessionIds", sessionIds)
                .setParameter("kind", kind)
                .setParameter("reason", reason)
                .getResultList())
                .invoke(channels -> channels.stream()
                        .collect(java.util.stream.Collectors.groupingBy(channel -> channel,
                                java.util.stream.Collectors.counting()))
                        .forEach((channel, count) -> metrics.withdrawn(kind, channel, count.intValue())))
                .map(List::size);
    }

    Uni<Boolean> markRetry(UUID id, int attempt, Duration delay, String error) {
        return getSession().chain(session -> session.createNativeQuery("""
                update notification
                   set status = 'planned', next_attempt_at = now() + make_interval(secs => :delaySeconds),
                       last_error = :error
                 where id = :id and status = 'sending' and attempts = :attempt""")
                .setParameter("id", id)
                .setParameter("attempt", attempt)
                .setParameter("delaySeconds", (double) delay.toMillis() / 1000)
                .setParameter("error", error)
                .executeUpdate())
                .map(updated -> updated == 1);
    }

    Uni<Boolean> markFailed(UUID id, int attempt, String reason, String error) {
        return getSession().chain(session -> session.createNativeQuery("""
                update notification
                   set status = 'failed', failed_at = now(), status_reason = :reason, last_error = :error
                 where id = :id and status = 'sending' and attempts = :attempt""")
                .setParameter("id", id)
                .setParameter("attempt", attempt)
                .setParameter("reason", reason)
                .setParameter("error", error)
                .executeUpdate())
                .map(updated -> updated == 1);
    }

    Uni<Boolean> markSkipped(UUID id, int attempt, String reason) {
        return getSession().chain(session -> session.createNativeQuery("""
                update notification set status = 'skipped', skipped_at = now(), status_reason = :reason
                 where id = :id and status = 'sending' and attempts = :attempt""")
                .setParameter("id", id)
                .setParameter("attempt", attempt)
                .setParameter("reason", reason)
                .executeUpdate())
                .map(updated -> updated == 1);
    }

    Uni<Boolean> markWithdrawn(UUID id, int attempt, String reason) {
        return getSession().chain(session -> session.createNativeQuery("""
                update notification set status = 'withdrawn', withdrawn_at = now(), status_reason = :reason
                 where id = :id and status = 'sending' and attempts = :attempt""")
                .setParameter("id", id)
                .setParameter("attempt", attempt)
                .setParameter("reason", reason)
                .executeUpdate())
                .map(updated -> updated == 1);
    }

    /** Back to planned and due at once, as if never claimed: the attempt was not made. */
    Uni<Boolean> release(UUID id, int attempt) {
        return getSession().chain(session -> session.createNativeQuery("""
                update notification set status = 'planned', attempts = attempts - 1, next_attempt_at = now()
                 where id = :id and status = 'sending' and attempts = :attempt""")
                .setParameter("id", id)
                .setParameter("attempt", attempt)
                .executeUpdate())
                .map(updated -> updated == 1);
    }
}

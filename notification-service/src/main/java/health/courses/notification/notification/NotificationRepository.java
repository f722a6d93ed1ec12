package health.courses.notification.notification;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
     * Plans notifications in one statement: the rows travel as one JSON array parameter, so the
     * statement's text is the same whatever their number and is prepared once per connection. Answers the
     * idempotency keys that were new (a key planned before, or twice in {@code rows}, is kept once).
     */
    Uni<Set<String>> planAll(String rows) {
        return getSession().chain(session -> session.<String> createNativeQuery("""
                insert into notification (id, clinic_id, patient_id, course_id, session_id, session_version, kind,
                                          channel, due_at, status, next_attempt_at, idempotency_key, payload,
                                          status_reason, skipped_at, traceparent)
                select p.id, p.clinic_id, p.patient_id, p.course_id, p.session_id, p.session_version, p.kind,
                       p.channel, p.due_at, case when p.skip_reason is null then 'planned' else 'skipped' end,
                       p.due_at, p.idempotency_key, p.payload, p.skip_reason,
                       case when p.skip_reason is null then null else now() end, p.traceparent
                  from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                       as p (id uuid, clinic_id uuid, patient_id uuid, course_id uuid, session_id uuid,
                             session_version bigint, kind text, channel text, due_at timestamptz,
                             idempotency_key text, payload jsonb, skip_reason text, traceparent text)
                on conflict (idempotency_key) do nothing
                returning idempotency_key""", String.class)
                .setParameter("rows", rows)
                .getResultList())
                .map(HashSet::new);
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

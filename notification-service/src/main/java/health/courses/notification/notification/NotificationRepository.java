package health.courses.notification.notification;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.events.BatchSql;
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

    private static final String PLAN_ALL = """
            insert into notification (id, clinic_id, patient_id, course_id, session_id, session_version, kind,
                                      channel, due_at, status, next_attempt_at, idempotency_key, payload,
                                      status_reason, skipped_at, traceparent)
            select p.id, p.clinic_id, p.patient_id, p.course_id, p.session_id, p.session_version, p.kind,
                   p.channel, p.due_at, case when p.skip_reason is null then 'planned' else 'skipped' end,
                   p.due_at, p.idempotency_key, cast(p.payload as jsonb), p.skip_reason,
                   case when p.skip_reason is null then null else now() end, p.traceparent
              from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::bigint[], $7::text[],
                          $8::text[], $9::timestamptz[], $10::text[], $11::text[], $12::text[], $13::text[])
                   as p (id, clinic_id, patient_id, course_id, session_id, session_version, kind, channel, due_at,
                         idempotency_key, payload, skip_reason, traceparent)
            on conflict (idempotency_key) do nothing
            returning idempotency_key""";

    /**
     * Plans notifications in one statement: the rows travel as one array parameter per column (the payloads as JSON
     * text), so the statement's text is the same whatever their number and is prepared once per connection; it goes
     * straight to the reactive client in the caller's transaction ({@link BatchSql}). Answers the idempotency keys
     * that were new (a key planned before, or twice in {@code plan}, is kept once).
     *
     * @param payloads each notification's payload as JSON, in the plan's order
     */
    Uni<Set<String>> planAll(List<NotificationPlanner.Traced> plan, List<String> payloads) {
        int count = plan.size();
        Object[] columns = { new UUID[count], new UUID[count], new UUID[count], new UUID[count], new UUID[count],
                new Long[count], new String[count], new String[count], new java.time.OffsetDateTime[count],
                new String[count], new String[count], new String[count], new String[count] };
        for (int i = 0; i < count; i++) {
            PlannedNotification planned = plan.get(i).planned();
            ((UUID[]) columns[0])[i] = UUID.randomUUID();
            ((UUID[]) columns[1])[i] = planned.clinicId();
            ((UUID[]) columns[2])[i] = planned.patientId();
            ((UUID[]) columns[3])[i] = planned.courseId();
            ((UUID[]) columns[4])[i] = planned.sessionId().orElse(null);
            ((Long[]) columns[5])[i] = planned.sessionVersion().orElse(null);
            ((String[]) columns[6])[i] = planned.kind();
            ((String[]) columns[7])[i] = planned.channel();
            ((java.time.OffsetDateTime[]) columns[8])[i] = planned.dueAt();
            ((String[]) columns[9])[i] = planned.idempotencyKey();
            ((String[]) columns[10])[i] = payloads.get(i);
            ((String[]) columns[11])[i] = planned.skipReason().orElse(null);
            ((String[]) columns[12])[i] = plan.get(i).traceparent().orElse(null);
        }
        return BatchSql.select(PLAN_ALL, columns).map(rows -> {
            Set<String> inserted = new HashSet<>();
            for (Object[] row : rows) {
                inserted.add((String) row[0]);
            }
            return inserted;
        });
    }

    /**
     * Withdraws the reminders of these sessions that are still waiting. A reminder being sent right now is left
     * alone: its dispatcher checks the session again before sending and withdraws it itself if it is stale.
     */
    public Uni<Integer> withdrawReminders(List<UUID> sessionIds, String kind, String reason) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // straight to the reactive client in the caller's transaction, one statement text whatever the count
        return BatchSql.select("""
                update notification set status = 'withdrawn', withdrawn_at = now(), status_reason = $3
                 where session_id = any($1::uuid[]) and kind = $2 and status = 'planned'
                returning channel""", sessionIds.toArray(UUID[]::new), kind, reason)
                .map(rows -> rows.stream().map(row -> (String) row[0]).toList())
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

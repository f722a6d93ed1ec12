package health.courses.notification.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The dispatcher's two hot statements, sent straight through the reactive PostgreSQL client: the claim, which returns
 * the claimed rows whole, and the mark of a batch's sent notifications, one statement for the batch. Each is a single
 * statement (atomic on its own, no transaction round trips) with the same guards as {@link NotificationRepository}:
 * the claim skips rows another dispatcher holds, and a mark matches only {@code status = 'sending'} at the claimed
 * attempt, so a dispatcher whose lease lapsed and was taken over changes nothing. Hibernate is left out because it
 * cost a query interpretation per statement (a hot spot in the drain's profile) and two more round trips per claim.
 */
@ApplicationScoped
class Claims {

    private static final String CLAIM = """
            with due as (
                select id from notification
                 where status in ('planned', 'sending') and next_attempt_at <= now()
                 order by next_attempt_at
                 limit $1
                   for update skip locked)
            update notification n
               set status = 'sending', attempts = n.attempts + 1, claimed_at = now(),
                   next_attempt_at = now() + make_interval(secs => $2)
              from due
             where n.id = due.id
            returning n.id, n.clinic_id, n.patient_id, n.course_id, n.session_id, n.session_version, n.kind, n.channel,
                      n.due_at, n.next_attempt_at, n.attempts, n.last_error, n.idempotency_key,
                      cast(n.payload as text) as payload, n.planned_at, n.claimed_at, n.traceparent""";

    private static final String MARK_SENT = """
            update notification n set status = 'sent', sent_at = now(), last_error = null
              from unnest($1::uuid[], $2::int[]) as sent (id, attempt)
             where n.id = sent.id and n.status = 'sending' and n.attempts = sent.attempt
            returning n.id""";

    private final Pool pool;

    Claims(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} due notifications, leased to this dispatcher until {@code lease} from now, due order. */
    Uni<List<Notification>> claimDue(int limit, Duration lease) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, (double) lease.toMillis() / 1000))
                .map(rows -> {
                    List<Notification> claimed = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        claimed.add(notification(row));
                    }
                    claimed.sort(java.util.Comparator.comparing(Notification::dueAt));
                    return claimed;
                });
    }

    /** Marks these claims sent; returns the ids that were still this dispatcher's to mark. */
    Uni<Set<UUID>> markSent(List<Notification> sent) {
        if (sent.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        UUID[] ids = new UUID[sent.size()];
        Integer[] attempts = new Integer[sent.size()];
        for (int i = 0; i < sent.size(); i++) {
            ids[i] = sent.get(i).id();
            attempts[i] = sent.get(i).attempts();
        }
        return pool.preparedQuery(MARK_SENT).execute(Tuple.of(ids, attempts)).map(rows -> {
            Set<UUID> marked = new HashSet<>();
            for (Row row : rows) {
                marked.add(row.getUUID(0));
            }
            return marked;
        });
    }

    private static Notification notification(Row row) {
        return new Notification(row.getUUID("id"), row.getUUID("clinic_id"), row.getUUID("patient_id"),
                row.getUUID("course_id"), row.getUUID("session_id"), row.getLong("session_version"),
                row.getString("kind"), row.getString("channel"), row.getOffsetDateTime("due_at"),
                row.getOffsetDateTime("next_attempt_at"), row.getInteger("attempts"), row.getString("last_error"),
                row.getString("idempotency_key"), row.getString("payload"), row.getOffsetDateTime("planned_at"),
                row.getOffsetDateTime("claimed_at"), row.getString("traceparent"));
    }
}

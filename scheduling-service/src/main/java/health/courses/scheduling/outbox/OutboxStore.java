package health.courses.scheduling.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The relay's SQL. Plain SQL on the reactive client rather than Hibernate, because the claim's locking and lease
 * (FOR UPDATE SKIP LOCKED on the head row of each course, then the lease on all its pending rows) is the whole point
 * and must be exactly as written. Each statement is its own short transaction: no transaction is held open across
 * the sends.
 */
@ApplicationScoped
class OutboxStore {

    /**
     * Claims courses, not rows: a course's "head" is its oldest pending row, and only a head whose backoff has run
     * out and that no live lease holds is claimable. The head is locked (SKIP LOCKED: two relays claiming at once
     * take different courses) while every pending row of its course is leased to this relay, so a course is
     * published by one relay at a time and from its head, in publish_order; a relay that dies or hangs loses the
     * course when the lease runs out. Rows are found by status, never by a cursor, so a row that commits late is
     * claimed all the same. Returned in course then publishing order.
     */
    private static final String CLAIM = """
            WITH heads AS (
                SELECT head.aggregate_id
                FROM outbox_event head
                WHERE head.status = 'pending'
                  AND head.next_attempt_at <= now()
                  AND (head.claimed_until IS NULL OR head.claimed_until < now())
                  AND NOT EXISTS (SELECT 1 FROM outbox_event older
                                  WHERE older.aggregate_id = head.aggregate_id
                                    AND older.status = 'pending'
                                    AND older.publish_order < head.publish_order)
                ORDER BY head.publish_order
                LIMIT $1
                FOR UPDATE OF head SKIP LOCKED),
            claimed AS (
                UPDATE outbox_event pending
                SET claimed_until = now() + make_interval(secs => $2), claimed_by = $3
                FROM heads
                WHERE pending.aggregate_id = heads.aggregate_id AND pending.status = 'pending'
                RETURNING pending.id, pending.aggregate_id, pending.type, pending.subject, pending.occurred_at,
                          pending.payload::text AS payload, pending.attempts, pending.traceparent, pending.publish_order)
            SELECT id, aggregate_id, type, subject, occurred_at, payload, attempts, traceparent
            FROM claimed ORDER BY aggregate_id, publish_order""";

    /**
     * What a round ends with, in one statement: the acknowledged rows published, each course's failed row given its
     * backoff and released (it is the course's head again, so the course is claimable once the backoff ran out).
     * clock_timestamp(), not now(): the publish time, not the statement's start.
     */
    private static final String RECORD = """
            WITH published AS (
                UPDATE outbox_event
                SET status = 'published', published_at = clock_timestamp(), last_error = NULL,
                    claimed_until = NULL, claimed_by = NULL
                WHERE id = ANY($1)
                RETURNING id),
            failed AS (
                UPDATE outbox_event failing
                SET attempts = failing.attempts + 1,
                    next_attempt_at = now() + make_interval(secs => f.retry_in),
                    last_error = f.error, claimed_until = NULL, claimed_by = NULL
                FROM unnest($2::uuid[], $3::float8[], $4::text[]) AS f(id, retry_in, error)
                WHERE failing.id = f.id
                RETURNING failing.id)
            SELECT (SELECT count(*) FROM published) AS published, (SELECT count(*) FROM failed) AS failed""";

    private static final String PURGE_PUBLISHED = """
            DELETE FROM outbox_event WHERE id IN (
                SELECT id FROM outbox_event
                WHERE status = 'published' AND published_at < now() - make_interval(secs => $1)
                LIMIT $2)""";

    /** Claims up to {@code courses} courses for {@code lease}: their pending rows, in course then publishing order. */
    Uni<List<OutboxRow>> claim(Pool pool, int courses, Duration lease, String relay) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(courses, lease.toMillis() / 1000.0, relay))
                .map(OutboxStore::rows);
    }

    /** A row whose send failed, with the backoff before its course may be claimed again. */
    record Failed(UUID id, Duration retryIn, String error) {
    }

    Uni<Void> record(Pool pool, List<UUID> published, List<Failed> failed) {
        if (published.isEmpty() && failed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(RECORD).execute(Tuple.of(published.toArray(UUID[]::new),
                        failed.stream().map(Failed::id).toArray(UUID[]::new),
                        failed.stream().map(row -> row.retryIn().toMillis() / 1000.0).toArray(Double[]::new),
                        failed.stream().map(Failed::error).toArray(String[]::new)))
                .replaceWithVoid();
    }

    Uni<Integer> purgePublished(SqlConnection connection, Duration olderThan, int limit) {
        return connection.preparedQuery(PURGE_PUBLISHED)
                .execute(Tuple.of((double) olderThan.toSeconds(), limit))
                .map(RowSet::rowCount);
    }

    private static List<OutboxRow> rows(RowSet<Row> rows) {
        List<OutboxRow> found = new ArrayList<>();
        for (Row row : rows) {
            found.add(new OutboxRow(row.getUUID("id"), row.getUUID("aggregate_id"), row.getString("type"),
                    row.getString("subject"), row.getOffsetDateTime("occurred_at").toInstant(),
                    row.getString("payload"), row.getInteger("attempts"), row.getString("traceparent")));
        }
        return found;
    }
}

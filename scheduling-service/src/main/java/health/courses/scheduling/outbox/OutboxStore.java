package health.courses.scheduling.outbox;

import io.smallrye.mutiny.Uni;
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
 * The relay's SQL. Plain SQL on the reactive client rather than Hibernate, because the claim's locking
 * (FOR UPDATE SKIP LOCKED on the head row of each course) is the whole point and must be exactly as written.
 */
@ApplicationScoped
class OutboxStore {

    /**
     * Claims courses, not rows: a course's "head" is its oldest pending row, and only a head whose backoff has run
     * out is claimable. Locking the head makes the claiming transaction the course's only publisher, since another
     * replica sees the head still pending and so finds no claimable head for that course. Rows are found by status,
     * never by a cursor, so a row that commits late is claimed all the same.
     */
    private static final String CLAIM_COURSES = """
            SELECT head.aggregate_id
            FROM outbox_event head
            WHERE head.status = 'pending'
              AND head.next_attempt_at <= now()
              AND NOT EXISTS (SELECT 1 FROM outbox_event older
                              WHERE older.aggregate_id = head.aggregate_id
                                AND older.status = 'pending'
                                AND older.publish_order < head.publish_order)
            ORDER BY head.publish_order
            LIMIT $1
            FOR UPDATE OF head SKIP LOCKED""";

    /** The claimed courses' pending rows in publishing order; cutting at the limit leaves each course a prefix. */
    private static final String PENDING_OF_COURSES = """
            SELECT id, aggregate_id, type, subject, occurred_at, payload::text AS payload, attempts, traceparent
            FROM outbox_event
            WHERE status = 'pending' AND aggregate_id = ANY($1)
            ORDER BY aggregate_id, publish_order
            LIMIT $2""";

    /** clock_timestamp(), not now(): now() is the round's start, before the sends, and would hide the publish time. */
    private static final String MARK_PUBLISHED = """
            UPDATE outbox_event SET status = 'published', published_at = clock_timestamp(), last_error = NULL
            WHERE id = ANY($1)""";

    private static final String MARK_FAILED = """
            UPDATE outbox_event
            SET attempts = attempts + 1,
                next_attempt_at = now() + make_interval(secs => $2),
                last_error = $3
            WHERE id = $1""";

    private static final String PURGE_PUBLISHED = """
            DELETE FROM outbox_event WHERE id IN (
                SELECT id FROM outbox_event
                WHERE status = 'published' AND published_at < now() - make_interval(secs => $1)
                LIMIT $2)""";

    Uni<List<UUID>> claimCourses(SqlConnection connection, int courses) {
        return connection.preparedQuery(CLAIM_COURSES).execute(Tuple.of(courses))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("aggregate_id")));
                    return ids;
                });
    }

    Uni<List<OutboxRow>> pendingOf(SqlConnection connection, List<UUID> courses, int limit) {
        return connection.preparedQuery(PENDING_OF_COURSES)
                .execute(Tuple.of(courses.toArray(UUID[]::new), limit))
                .map(OutboxStore::rows);
    }

    Uni<Void> markPublished(SqlConnection connection, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(ids.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    Uni<Void> markFailed(SqlConnection connection, UUID id, Duration retryIn, String error) {
        return connection.preparedQuery(MARK_FAILED)
                .execute(Tuple.of(id, retryIn.toMillis() / 1000.0, error))
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

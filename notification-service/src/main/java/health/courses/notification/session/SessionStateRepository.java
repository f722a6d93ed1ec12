package health.courses.notification.session;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.events.BatchSql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Version-guarded writes: each is one statement, so two consumers racing on the same session (a rebalance)
 * serialize on the row and the older version loses.
 */
@ApplicationScoped
public class SessionStateRepository implements PanacheRepositoryBase<SessionState, UUID> {

    private final Pool pool;

    SessionStateRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores the event's view of the session when it is newer than ours, and says what it wrote, in one statement:
     * empty when ours was as new, else the row as written and whether it is new (a new session has nothing planned
     * that would need withdrawing).
     */
    public Uni<Optional<Applied>> applyIfNewer(SessionEvent event, String status) {
        return applyAllIfNewer(List.of(event), status).map(applied -> Optional.ofNullable(applied.get(event.sessionId())));
    }

    private static final String APPLY_ALL = """
            insert into session_state (session_id, clinic_id, course_id, patient_id, starts_at, ends_at, zone,
                                       sequence, status, version)
            select e.session_id, e.clinic_id, e.course_id, e.patient_id, e.starts_at, e.ends_at, e.zone,
                   e.sequence, $10::text, e.version
              from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::timestamptz[],
                          $7::text[], $8::int[], $9::bigint[])
                   as e (session_id, clinic_id, course_id, patient_id, starts_at, ends_at, zone, sequence, version)
            on conflict (session_id) do update
               set starts_at = excluded.starts_at, ends_at = excluded.ends_at, zone = excluded.zone,
                   sequence = excluded.sequence, status = excluded.status, version = excluded.version,
                   updated_at = now()
             where session_state.version < excluded.version
               and session_state.clinic_id = excluded.clinic_id
            returning session_id, held, plan_generation, (xmax = 0) as inserted""";

    /**
     * {@link #applyIfNewer} for sessions of one status in one statement (the sessions must be distinct: a row is
     * upserted once per statement). The events travel as one array parameter per column, so the statement's text is
     * the same whatever their number; it goes straight to the reactive client in the caller's transaction
     * ({@link BatchSql}). Answers what was written, by session.
     */
    public Uni<Map<UUID, Applied>> applyAllIfNewer(List<SessionEvent> events, String status) {
        int count = events.size();
        UUID[] sessionIds = new UUID[count];
        UUID[] clinicIds = new UUID[count];
        UUID[] courseIds = new UUID[count];
        UUID[] patientIds = new UUID[count];
        OffsetDateTime[] starts = new OffsetDateTime[count];
        OffsetDateTime[] ends = new OffsetDateTime[count];
        String[] zones = new String[count];
        Integer[] sequences = new Integer[count];
        Long[] versions = new Long[count];
        Map<UUID, SessionEvent> bySession = new HashMap<>();
        for (int i = 0; i < count; i++) {
            SessionEvent event = events.get(i);
            sessionIds[i] = event.sessionId();
            clinicIds[i] = event.clinicId();
            courseIds[i] = event.courseId();
            patientIds[i] = event.patientId();
            starts[i] = event.start();
            ends[i] = event.end();
            zones[i] = event.zone();
            sequences[i] = event.sequence();
            versions[i] = event.version();
            bySession.put(event.sessionId(), event);
        }
        return BatchSql.select(APPLY_ALL, sessionIds, clinicIds, courseIds, patientIds, starts, ends, zones, sequences,
                versions, status)
                .map(written -> {
                    Map<UUID, Applied> applied = new HashMap<>();
                    for (Object[] row : written) {
                        UUID sessionId = (UUID) row[0];
                        applied.put(sessionId, new Applied(SessionState.written(bySession.get(sessionId), status,
                                (Boolean) row[1], ((Number) row[2]).intValue()), (Boolean) row[3]));
                    }
                    return applied;
                });
    }

    /** @param created the session was not known before (no reminders of it can exist yet) */
    public record Applied(SessionState state, boolean created) {
    }

    /** Course-level changes are applied only when newer than the last course event seen; true when newer. */
    public Uni<Boolean> applyCourseIfNewer(CourseEvent event, String status) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into course_state (course_id, clinic_id, status, version) values (:courseId, :clinicId, :status, :version)
                on conflict (course_id) do update
                   set status = excluded.status, version = excluded.version, updated_at = now()
                 where course_state.version < excluded.version
                   and course_state.clinic_id = excluded.clinic_id""")
                .setParameter("courseId", event.courseId())
                .setParameter("clinicId", event.clinicId())
                .setParameter("status", status)
                .setParameter("version", event.version())
                .executeUpdate())
                .map(changed -> changed == 1);
    }

    public Uni<Integer> hold(UUID clinicId, List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return update("held = true where clinicId = ?1 and sessionId in ?2", clinicId, sessionIds);
    }

    /** Clears the hold and moves the plan generation on, so the sessions' reminders can be planned afresh. */
    public Uni<Integer> resume(UUID clinicId, UUID courseId) {
        return update("held = false, planGeneration = planGeneration + 1 where clinicId = ?1 and courseId = ?2 and held = true",
                clinicId, courseId);
    }

    public Uni<Integer> cancelCourse(UUID clinicId, UUID courseId) {
        return update("status = 'cancelled' where clinicId = ?1 and courseId = ?2 and status = 'scheduled'",
                clinicId, courseId);
    }

    public Uni<List<SessionState>> ofCourse(UUID clinicId, UUID courseId) {
        return list("clinicId = ?1 and courseId = ?2", clinicId, courseId);
    }

    /**
     * The dispatcher's check just before a batch's reminders go out, over the reactive pool: one statement whose
     * text does not change with the batch's size (Hibernate interpreted its {@code in} list afresh for every size,
     * a hot spot of the drain's profile), and no Hibernate session for the sends to share.
     */
    public Uni<Map<UUID, SessionState>> currentOf(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                select session_id, clinic_id, course_id, patient_id, starts_at, ends_at, zone, sequence, status,
                       version, held, plan_generation
                  from session_state where session_id = any($1)""")
                .execute(Tuple.of(sessionIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, SessionState> current = new HashMap<>();
                    for (Row row : rows) {
                        SessionState state = SessionState.read(row);
                        current.put(state.sessionId(), state);
                    }
                    return current;
                });
    }
}

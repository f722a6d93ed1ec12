package health.courses.scheduling.course;

import health.courses.scheduling.api.Idempotency;
import health.courses.scheduling.audit.Actor;
import health.courses.scheduling.clinic.Clinic;
import health.courses.scheduling.closure.Closure;
import health.courses.scheduling.evaluation.Evaluation;
import health.courses.scheduling.outbox.OutboxEvent;
import health.courses.scheduling.session.Session;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The booking's SQL: one statement reads everything the booking rules need (and claims the idempotency key), one
 * statement writes the course, its sessions, its outbox rows, the audit row and the key's answer. Plain SQL on the
 * reactive client rather than Hibernate: a data-modifying CTE over arrays is one round trip where the entity
 * session needs one per table (and the reads one per repository). The rules themselves stay pure Java.
 */
final class BookingStore {

    /**
     * The range read for closures and occupied sessions must hold every day the planner may place a session on:
     * the ISO weeks of the course (a session moves at most within its week). Read before the clinic's zone is
     * known, so it is wide by a week on each side and a day more for any zone's offset; reading more is harmless.
     */
    static final int MARGIN_DAYS = 8;

    /**
     * $1 clinic, $2 practitioner, $3 room, $4 patient, $5 start date, $6/$7 first/last day for closures, $8/$9 the
     * same as instants for occupied sessions, $10-$12 a new clinic's defaults, $13-$15 the idempotency key (null
     * without one), its request hash and how long keys are kept. Provisioning the clinic and claiming the key are
     * the two writes; both roll back with a refused booking, as the entity path did.
     */
    private static final String READ = """
            WITH claim AS (
                INSERT INTO idempotent_request (id, clinic_id, request_hash)
                SELECT $13::text, $1, $14::text WHERE $13::text IS NOT NULL
                ON CONFLICT (id) DO UPDATE
                    SET request_hash = EXCLUDED.request_hash, status = NULL, location = NULL, etag = NULL,
                        body = NULL, created_at = now()
                    WHERE idempotent_request.created_at < now() - make_interval(secs => $15)
                RETURNING id),
            provisioned AS (
                INSERT INTO clinic (id, name, zone, min_gap_hours, version) VALUES ($1, $10, $11, $12, 1)
                ON CONFLICT (id) DO NOTHING
                RETURNING id, name, zone, min_gap_hours, opening_hours, make_up_sessions, version),
            the_clinic AS (
                SELECT id, name, zone, min_gap_hours, opening_hours, make_up_sessions, version FROM provisioned
                UNION ALL
                SELECT id, name, zone, min_gap_hours, opening_hours, make_up_sessions, version FROM clinic WHERE id = $1)
            SELECT c.id, c.name, c.zone, c.min_gap_hours, c.opening_hours, c.make_up_sessions, c.version,
                   EXISTS (SELECT 1 FROM claim) AS claimed,
                   stored.request_hash, stored.location, stored.etag, stored.body,
                   EXISTS (SELECT 1 FROM practitioner WHERE clinic_id = $1 AND id = $2) AS practitioner_known,
                   EXISTS (SELECT 1 FROM room WHERE clinic_id = $1 AND id = $3) AS room_known,
                   EXISTS (SELECT 1 FROM patient WHERE clinic_id = $1 AND id = $4) AS patient_known,
                   ev.id AS evaluation_id, ev.evaluated_on, ev.findings,
                   cl.first_days, cl.last_days, cl.reasons,
                   oc.practitioners, oc.rooms, oc.starts, oc.ends
            FROM the_clinic c
            LEFT JOIN idempotent_request stored ON stored.id = $13::text
            LEFT JOIN LATERAL (
                SELECT id, evaluated_on, findings FROM evaluation
                WHERE clinic_id = $1 AND patient_id = $4 AND evaluated_on <= $5
                ORDER BY evaluated_on DESC, created_at DESC, id DESC LIMIT 1) ev ON true
            CROSS JOIN LATERAL (
                SELECT array_agg(first_day) AS first_days, array_agg(last_day) AS last_days, array_agg(reason) AS reasons
                FROM closure WHERE clinic_id = $1 AND first_day <= $7 AND last_day >= $6) cl
            CROSS JOIN LATERAL (
                SELECT array_agg(practitioner_id) AS practitioners, array_agg(room_id) AS rooms,
                       array_agg(starts_at) AS starts, array_agg(ends_at) AS ends
                FROM session
                WHERE clinic_id = $1 AND status <> 'cancelled' AND (practitioner_id = $2 OR room_id = $3)
                  AND starts_at < $9 AND ends_at > $8) oc
            LIMIT 1""";

    /** Only when a concurrent request with the same key committed after the read's snapshot was taken. */
    private static final String STORED = "SELECT request_hash, location, etag, body FROM idempotent_request WHERE id = $1";

    /**
     * Foreign keys are checked at the end of the statement, so the sessions may name the course inserted beside them;
     * the exclusion constraints refuse an overlapping session within it (23P01, the lost race). Outbox rows are
     * inserted in ordinality order: their publish_order is the order consumers see.
     */
    private static final String WRITE = """
            WITH course_row AS (
                INSERT INTO course (id, clinic_id, patient_id, practitioner_id, room_id, status, start_date,
                                    sessions_per_week, weeks, weekdays, local_time, session_minutes, zone, recurrence,
                                    booked_by, version, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, 'scheduled', $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $15)
                RETURNING id),
            session_rows AS (
                INSERT INTO session (id, clinic_id, course_id, practitioner_id, room_id, number, starts_at, ends_at,
                                     local_date, local_time, moved_from, status, sequence, version, updated_at)
                SELECT s.id, $2, $1, $4, $5, s.number, s.starts_at, s.ends_at, s.local_date, s.local_time, s.moved_from,
                       'scheduled', 0, 1, $15
                FROM unnest($16::uuid[], $17::int[], $18::timestamptz[], $19::timestamptz[], $20::date[],
                            $21::time[], $22::date[])
                     AS s(id, number, starts_at, ends_at, local_date, local_time, moved_from)
                RETURNING id),
            outbox_rows AS (
                INSERT INTO outbox_event (id, clinic_id, aggregate_type, aggregate_id, type, subject, occurred_at,
                                          payload, status, traceparent)
                SELECT e.id, $2, $23, $1, e.type, e.subject, $24, e.payload::jsonb, 'pending', $25
                FROM unnest($26::uuid[], $27::text[], $28::text[], $29::text[]) WITH ORDINALITY
                     AS e(id, type, subject, payload, position)
                ORDER BY e.position
                RETURNING id),
            audit_row AS (
                INSERT INTO audit_log (clinic_id, subject, role, action, resource_type, resource_id, request_id)
                VALUES ($2, $30, $31, 'course.booked', 'course', $1, $32)
                RETURNING id),
            answer AS (
                UPDATE idempotent_request SET status = 201, location = $34, etag = $35, body = $36
                WHERE id = $33::text
                RETURNING id)
            SELECT (SELECT count(*) FROM session_rows) AS sessions, (SELECT count(*) FROM outbox_rows) AS events""";

    /** What the read found: the clinic and, per rule, what it needs; plus the idempotency key's state. */
    record Facts(Clinic clinic, boolean practitionerKnown, boolean roomKnown, boolean patientKnown,
            Evaluation evaluation, List<Closure> closures, List<Occupied> occupied, Stored stored) {
    }

    /** The key's row as found: {@code claimed} when this request owns it, else the first request's answer. */
    record Stored(boolean claimed, String requestHash, String location, String etag, String body) {
    }

    private BookingStore() {
    }

    static Uni<Facts> read(SqlConnection connection, UUID clinicId, BookCourseRequest request, Idempotency.Key key,
            RoundTrips trips) {
        LocalDate from = request.startDate().minusDays(MARGIN_DAYS);
        LocalDate to = request.startDate().plusWeeks(request.weeks() == null ? 1 : request.weeks())
                .plusDays(MARGIN_DAYS);
        Tuple parameters = Tuple.from(Arrays.asList(clinicId, request.practitionerId(), request.roomId(),
                request.patientId(), request.startDate(), from, to, utc(from.atStartOfDay().toInstant(ZoneOffset.UTC)),
                utc(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)), Clinic.DEFAULT_NAME,
                Clinic.DEFAULT_ZONE, Clinic.DEFAULT_MIN_GAP_HOURS, key == null ? null : key.id(),
                key == null ? null : key.requestHash(), (double) Idempotency.keptFor().toSeconds()));
        trips.add();
        return connection.preparedQuery(READ).execute(parameters)
                // No row: a concurrent first request of a new clinic provisioned it after this snapshot was taken.
                .map(rows -> rows.size() == 0 ? null : facts(rows.iterator().next()));
    }

    /** The first request's row, read afresh: it committed after the read's snapshot while this one waited. */
    static Uni<Stored> stored(SqlConnection connection, Idempotency.Key key, RoundTrips trips) {
        trips.add();
        return connection.preparedQuery(STORED).execute(Tuple.of(key.id()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Stored(false, row.getString("request_hash"), row.getString("location"),
                            row.getString("etag"), row.getString("body"));
                });
    }

    static Uni<Void> write(SqlConnection connection, Course course, List<Session> sessions, List<OutboxEvent> events,
            Actor actor, Idempotency.Key key, String location, String etag, String body, RoundTrips trips) {
        OutboxEvent first = events.get(0);
        List<Object> values = new ArrayList<>(Arrays.asList(course.id, course.clinicId, course.patientId,
                course.practitionerId, course.roomId, course.startDate, course.sessionsPerWeek, course.weeks,
                course.weekdays, course.localTime, course.sessionMinutes, course.zone, course.recurrence,
                course.bookedBy, utc(course.createdAt),
                sessions.stream().map(session -> session.id).toArray(UUID[]::new),
                sessions.stream().map(session -> session.number).toArray(Integer[]::new),
                sessions.stream().map(session -> utc(session.startsAt)).toArray(OffsetDateTime[]::new),
                sessions.stream().map(session -> utc(session.endsAt)).toArray(OffsetDateTime[]::new),
                sessions.stream().map(session -> session.localDate).toArray(LocalDate[]::new),
                sessions.stream().map(session -> session.localTime).toArray(LocalTime[]::new),
                sessions.stream().map(session -> session.movedFrom).toArray(LocalDate[]::new),
                first.aggregateType, utc(first.occurredAt), first.traceparent,
                events.stream().map(event -> event.id).toArray(UUID[]::new),
                events.stream().map(event -> event.type).toArray(String[]::new),
                events.stream().map(event -> event.subject).toArray(String[]::new),
                events.stream().map(event -> event.payload).toArray(String[]::new),
                actor.subject() == null ? "unknown" : actor.subject(), actor.role(), actor.requestId(),
                key == null ? null : key.id(), location, etag, body));
        trips.add();
        return connection.preparedQuery(WRITE).execute(Tuple.from(values)).replaceWithVoid();
    }

    private static Facts facts(Row row) {
        Clinic clinic = new Clinic();
        clinic.id = row.getUUID("id");
        clinic.name = row.getString("name");
        clinic.zone = row.getString("zone");
        clinic.minGapHours = row.getInteger("min_gap_hours");
        clinic.openingHours = row.getString("opening_hours");
        clinic.makeUpSessions = row.getBoolean("make_up_sessions");
        clinic.version = row.getInteger("version");
        Evaluation evaluation = null;
        if (row.getUUID("evaluation_id") != null) {
            evaluation = new Evaluation();
            evaluation.id = row.getUUID("evaluation_id");
            evaluation.evaluatedOn = row.getLocalDate("evaluated_on");
            evaluation.findings = row.getString("findings");
        }
        return new Facts(clinic, row.getBoolean("practitioner_known"), row.getBoolean("room_known"),
                row.getBoolean("patient_known"), evaluation, closures(row, clinic.id), occupied(row),
                new Stored(row.getBoolean("claimed"), row.getString("request_hash"), row.getString("location"),
                        row.getString("etag"), row.getString("body")));
    }

    private static List<Closure> closures(Row row, UUID clinicId) {
        LocalDate[] firstDays = row.getArrayOfLocalDates("first_days");
        if (firstDays == null) {
            return List.of();
        }
        LocalDate[] lastDays = row.getArrayOfLocalDates("last_days");
        String[] reasons = row.getArrayOfStrings("reasons");
        List<Closure> closures = new ArrayList<>(firstDays.length);
        for (int i = 0; i < firstDays.length; i++) {
            Closure closure = new Closure();
            closure.clinicId = clinicId;
            closure.firstDay = firstDays[i];
            closure.lastDay = lastDays[i];
            closure.reason = reasons[i];
            closures.add(closure);
        }
        return closures;
    }

    private static List<Occupied> occupied(Row row) {
        UUID[] practitioners = row.getArrayOfUUIDs("practitioners");
        if (practitioners == null) {
            return List.of();
        }
        UUID[] rooms = row.getArrayOfUUIDs("rooms");
        OffsetDateTime[] starts = row.getArrayOfOffsetDateTimes("starts");
        OffsetDateTime[] ends = row.getArrayOfOffsetDateTimes("ends");
        List<Occupied> occupied = new ArrayList<>(practitioners.length);
        for (int i = 0; i < practitioners.length; i++) {
            occupied.add(new Occupied(practitioners[i], rooms[i], starts[i].toInstant(), ends[i].toInstant()));
        }
        return occupied;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Counts the booking's round trips to PostgreSQL (BEGIN and COMMIT included) for the
     * {@code courses_booking_round_trips} summary: every statement of the booking goes through this class.
     */
    static final class RoundTrips {

        /** BEGIN and COMMIT of the booking's transaction. */
        private int count = 2;

        void add() {
            count++;
        }

        int count() {
            return count;
        }
    }
}

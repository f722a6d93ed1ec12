package health.courses.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.postgresql.util.PGobject;

/**
 * The baseline for bookings/s: what one booking through the service read and wrote, replayed directly over JDBC in one
 * transaction with fresh ids. The template is a course the service booked in this run: its course row, its session
 * rows and its outbox rows are inserted again as they are (ids, patient, practitioner and room replaced), after the
 * reads a booking needs (clinic, patient, latest evaluation, practitioner, room, closures, the practitioner's and
 * room's sessions in the window). The outbox rows go in as published so the relay does not send them: the baseline
 * is the database's share of a booking, the service's figure includes publishing every event.
 */
final class BookingReplay {

    private final Map<String, Object> course;
    private final List<Map<String, Object>> sessions;
    private final List<Map<String, Object>> outbox;
    private final String insertCourse;
    private final String insertSession;
    private final String insertOutbox;

    private BookingReplay(Map<String, Object> course, List<Map<String, Object>> sessions, List<Map<String, Object>> outbox) {
        this.course = course;
        this.sessions = sessions;
        this.outbox = outbox;
        this.insertCourse = insert("course", course.keySet());
        this.insertSession = insert("session", sessions.get(0).keySet());
        this.insertOutbox = insert("outbox_event", outbox.get(0).keySet());
    }

    /** Reads what the service wrote for one booked course. */
    static BookingReplay of(Db db, UUID courseId) {
        Map<String, Object> course = db.query("select * from course where id = ?", courseId).get(0);
        List<Map<String, Object>> sessions = db.query("select * from session where course_id = ? order by number", courseId);
        List<Map<String, Object>> outbox = db.query("""
                select * from outbox_event where aggregate_id = ? order by publish_order""", courseId);
        outbox.forEach(row -> row.remove("publish_order"));
        return new BookingReplay(course, sessions, outbox);
    }

    int sessions() {
        return sessions.size();
    }

    int events() {
        return outbox.size();
    }

    private static String insert(String table, Set<String> columns) {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** One booking's transaction with the fixture's patient, practitioner and room and fresh ids. */
    void replay(Connection connection, Clinic.Fixture fixture) throws SQLException {
        UUID clinic = (UUID) course.get("clinic_id");
        UUID newCourse = UUID.randomUUID();
        Map<String, String> ids = new HashMap<>();
        ids.put(course.get("id").toString(), newCourse.toString());
        try {
            Db.query(connection, "select * from clinic where id = ?", clinic);
            Db.query(connection, "select * from patient where clinic_id = ? and id = ?", clinic, fixture.patient());
            Db.query(connection, """
                    select * from evaluation where clinic_id = ? and patient_id = ?
                     order by evaluated_on desc, created_at desc limit 1""", clinic, fixture.patient());
            Db.query(connection, "select * from practitioner where clinic_id = ? and id = ?", clinic, fixture.practitioner());
            Db.query(connection, "select * from room where clinic_id = ? and id = ?", clinic, fixture.room());
            Object first = sessions.get(0).get("starts_at");
            Object last = sessions.get(sessions.size() - 1).get("ends_at");
            Db.query(connection, "select * from closure where clinic_id = ? and last_day >= ?::date and first_day <= ?::date",
                    clinic, sessions.get(0).get("local_date"), sessions.get(sessions.size() - 1).get("local_date"));
            Db.query(connection, """
                    select id from session where (practitioner_id = ? or room_id = ?) and status <> 'cancelled'
                       and starts_at < ? and ends_at > ?""", fixture.practitioner(), fixture.room(), last, first);

            Map<String, Object> courseRow = new HashMap<>(course);
            courseRow.put("id", newCourse);
            courseRow.put("patient_id", fixture.patient());
            courseRow.put("practitioner_id", fixture.practitioner());
            courseRow.put("room_id", fixture.room());
            execute(connection, insertCourse, List.of(courseRow), course.keySet());

            List<Map<String, Object>> sessionRows = new ArrayList<>();
            for (Map<String, Object> session : sessions) {
                Map<String, Object> row = new HashMap<>(session);
                UUID id = UUID.randomUUID();
                ids.put(session.get("id").toString(), id.toString());
                row.put("id", id);
                row.put("course_id", newCourse);
                row.put("practitioner_id", fixture.practitioner());
                row.put("room_id", fixture.room());
                sessionRows.add(row);
            }
            execute(connection, insertSession, sessionRows, sessions.get(0).keySet());

            List<Map<String, Object>> outboxRows = new ArrayList<>();
            for (Map<String, Object> event : outbox) {
                Map<String, Object> row = new HashMap<>(event);
                row.put("id", UUID.randomUUID());
                row.put("aggregate_id", newCourse);
                row.put("subject", ids.getOrDefault(event.get("subject").toString(), event.get("subject").toString()));
                row.put("status", "published");
                row.put("payload", withIds(event.get("payload").toString(), ids));
                outboxRows.add(row);
            }
            execute(connection, insertOutbox, outboxRows, outbox.get(0).keySet());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static PGobject withIds(String payload, Map<String, String> ids) throws SQLException {
        String replaced = payload;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            replaced = replaced.replace(id.getKey(), id.getValue());
        }
        PGobject json = new PGobject();
        json.setType("jsonb");
        json.setValue(replaced);
        return json;
    }

    private static void execute(Connection connection, String sql, List<Map<String, Object>> rows, Set<String> columns)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                int index = 1;
                for (String column : columns) {
                    statement.setObject(index++, row.get(column));
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}

package health.courses.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agenda (GET /api/v1/sessions, a week, first page of 50) of a clinic with a large generated schedule: courses of
 * 16 sessions each, written with generate_series straight into scheduling's tables (session's indexes and
 * constraints rebuilt after the load, see {@link #dropSessionIndexes}), practitioners and rooms each busy one session an hour so none overlap. Half the queries are the
 * whole clinic's week, half one practitioner's week; the week is random within the schedule's span.
 */
final class AgendaRow {

    private static final Logger LOG = LoggerFactory.getLogger(AgendaRow.class);
    private static final int SESSIONS_PER_COURSE = 16;
    /** Courses per generated statement: progress is visible and no single transaction holds everything. */
    private static final int CHUNK = 20_000;

    private final Stack stack;
    private final Settings settings;
    private final Report report;

    AgendaRow(Stack stack, Settings settings, Report report) {
        this.stack = stack;
        this.settings = settings;
        this.report = report;
    }

    /**
     * A bulk load: session's secondary indexes and its exclusion and unique constraints are dropped and, after the
     * load, created again from their own definitions (read from the catalog, so the schema ends exactly as Flyway
     * left it, every generated row checked). Row by row maintenance of two GiST exclusion indexes would make the
     * load several times slower. Nothing writes sessions meanwhile: the booking rows are done.
     */
    private static List<String> dropSessionIndexes(Db db) {
        List<String> rebuild = new java.util.ArrayList<>();
        List<String> drop = new java.util.ArrayList<>();
        for (Map<String, Object> constraint : db.query("""
                select conname, pg_get_constraintdef(oid) as def from pg_constraint
                 where conrelid = 'session'::regclass and contype in ('x', 'u')""")) {
            drop.add("alter table session drop constraint " + constraint.get("conname"));
            rebuild.add("alter table session add constraint " + constraint.get("conname") + " " + constraint.get("def"));
        }
        for (Map<String, Object> index : db.query("""
                select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x join pg_class i on i.oid = x.indexrelid
                 where x.indrelid = 'session'::regclass and not x.indisprimary
                   and not exists (select 1 from pg_constraint c where c.conindid = i.oid)""")) {
            drop.add("drop index " + index.get("name"));
            rebuild.add(index.get("def").toString());
        }
        db.script(drop);
        return rebuild;
    }

    void run() throws Exception {
        UUID clinic = UUID.randomUUID();
        Api api = new Api(stack.scheduling().baseUrl(), stack.token(clinic.toString(), "booking", "clinician"));
        // the clinic appears on first use, with its zone and opening hours
        api.post("/api/v1/practitioners", "{\"name\":\"Practitioner\"}");
        int courses = settings.agendaCourses();
        int practitioners = Math.max(10, courses / 500);
        Db db = stack.db("scheduling");
        String prefix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000000, 0x7fffffff));
        LocalDate firstDay = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
        long started = System.nanoTime();
        LOG.info("agenda: generating {} courses, {} sessions, {} practitioners and rooms", courses,
                (long) courses * SESSIONS_PER_COURSE, practitioners);
        db.update("""
                insert into practitioner (id, clinic_id, name)
                select (? || '-0001-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, ?, 'Practitioner ' || g
                  from generate_series(0, ? - 1) g""", prefix, clinic, practitioners);
        db.update("""
                insert into room (id, clinic_id, name)
                select (? || '-0002-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, ?, 'Room ' || g
                  from generate_series(0, ? - 1) g""", prefix, clinic, practitioners);
        db.update("""
                insert into patient (id, clinic_id, external_reference, zone, language)
                select (? || '-0003-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, ?, 'GEN-' || g, 'Europe/Berlin', 'en'
                  from generate_series(0, ? - 1) g""", prefix, clinic, practitioners * 10);
        List<String> rebuild = dropSessionIndexes(db);
        for (int from = 0; from < courses; from += CHUNK) {
            int to = Math.min(courses, from + CHUNK) - 1;
            // course c: practitioner and room c % P; its sessions take that practitioner's hours j*16 .. j*16+15
            db.update("""
                    insert into course (id, clinic_id, patient_id, practitioner_id, room_id, status, start_date,
                                        sessions_per_week, weeks, weekdays, local_time, session_minutes, zone,
                                        recurrence, booked_by, version)
                    select (?1 || '-0004-4000-8000-' || lpad(to_hex(c), 12, '0'))::uuid, ?2,
                           (?1 || '-0003-4000-8000-' || lpad(to_hex(c % (?3 * 10)), 12, '0'))::uuid,
                           (?1 || '-0001-4000-8000-' || lpad(to_hex(c % ?3), 12, '0'))::uuid,
                           (?1 || '-0002-4000-8000-' || lpad(to_hex(c % ?3), 12, '0'))::uuid,
                           'scheduled', ?4::date, 3, 6, 'MO,WE,FR', time '10:00', 30, 'Europe/Berlin',
                           'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=16', 'generator', 1
                      from generate_series(?5::int, ?6::int) c""".replaceAll("\\?\\d", "?"),
                    prefix, clinic, prefix, practitioners, prefix, practitioners, prefix, practitioners, firstDay,
                    from, to);
            db.update("""
                    insert into session (id, clinic_id, course_id, practitioner_id, room_id, number, starts_at, ends_at,
                                         local_date, local_time, status, version)
                    select (? || '-0005-4000-8000-' || lpad(to_hex(c * 16 + s), 12, '0'))::uuid, ?,
                           (? || '-0004-4000-8000-' || lpad(to_hex(c), 12, '0'))::uuid,
                           (? || '-0001-4000-8000-' || lpad(to_hex(c % ?), 12, '0'))::uuid,
                           (? || '-0002-4000-8000-' || lpad(to_hex(c % ?), 12, '0'))::uuid,
                           s + 1, t.starts_at, t.starts_at + interval '30 minutes',
                           (t.starts_at at time zone 'Europe/Berlin')::date,
                           (t.starts_at at time zone 'Europe/Berlin')::time, 'scheduled', 1
                      from generate_series(?::int, ?::int) c, generate_series(0, 15) s,
                           lateral (select ?::date::timestamptz + ((c / ?) * 16 + s) * interval '1 hour' as starts_at) t""",
                    prefix, clinic, prefix, prefix, practitioners, prefix, practitioners, from, to, firstDay,
                    practitioners);
            if ((to + 1) % (CHUNK * 10) == 0 || to == courses - 1) {
                LOG.info("agenda: {} of {} courses generated in {} s", to + 1, courses,
                        Duration.ofNanos(System.nanoTime() - started).toSeconds());
            }
        }
        LOG.info("agenda: rebuilding session's {} indexes and constraints after {} s", rebuild.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        List<String> script = new java.util.ArrayList<>(List.of("set maintenance_work_mem = '512MB'"));
        script.addAll(rebuild);
        db.script(script);
        db.update("analyze course");
        db.update("analyze session");
        Duration generated = Duration.ofNanos(System.nanoTime() - started);
        long spanDays = Math.max(1, (long) courses / practitioners * SESSIONS_PER_COURSE / 24);
        long sessions = db.number("select count(*) from session where clinic_id = ?", clinic);

        LOG.info("agenda: {} queries/s for {} s", settings.agendaQueries(), settings.agendaPhase().toSeconds());
        OpenLoad.Result queries = OpenLoad.run(settings.agendaQueries(), settings.agendaPhase(), 32, sequence -> {
            LocalDate from = firstDay.plusDays(ThreadLocalRandom.current().nextLong(spanDays));
            String filter = sequence % 2 == 0 ? "" : "&practitionerId=" + prefix + "-0001-4000-8000-"
                    + String.format("%012x", ThreadLocalRandom.current().nextInt(practitioners));
            api.get("/api/v1/sessions?from=" + from + "&to=" + from.plusDays(7) + "&limit=50" + filter);
        });
        boolean fullSize = courses >= 1_000_000;
        report.add(new Row("agenda query p99 with %,d courses / %,d sessions".formatted(courses, sessions),
                Row.ms(queries.p(99)), "–", null, "p99 < 20 ms at 1M courses / 16M sessions",
                fullSize ? queries.p(99) < 20 : null,
                "%sp50 %s, %d queries/s for %d s (a week, first page of 50; half of them one practitioner's); data generated in %d s%s"
                        .formatted(queries.failed() == 0 ? "" : "**%d of %d failed** (first: %s); ".formatted(
                                queries.failed(), queries.issued(), queries.firstFailure()),
                                Row.ms(queries.p(50)), settings.agendaQueries(), settings.agendaPhase().toSeconds(),
                                generated.toSeconds(), fullSize ? "" : "; **smaller than the goal's size**, set with "
                                        + "-Dbenchmark.agenda.courses"),
                Map.of("courses", courses, "sessions", sessions, "p50Ms", queries.p(50), "p99Ms", queries.p(99),
                        "maxMs", queries.p(100), "generatedSeconds", generated.toSeconds(), "failed", queries.failed())));
    }
}

package health.courses.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agenda (GET /api/v1/sessions, a week, first page of 50) of a clinic with a large generated schedule: courses of
 * 16 sessions each, written with one {@code INSERT ... SELECT generate_series} per chunk straight into scheduling's
 * tables, practitioners and rooms each busy one session an hour so none overlap. Sessions are written in start order
 * (hour, then practitioner), the order the agenda reads them, with ids ascending in that order, so the kept primary
 * key is appended to and a week's rows sit on neighbouring pages. Half the queries are the whole clinic's week, half
 * one practitioner's week; the week is random within the schedule's span.
 */
final class AgendaRow {

    private static final Logger LOG = LoggerFactory.getLogger(AgendaRow.class);
    private static final int SESSIONS_PER_COURSE = 16;
    /** Courses per generated statement: progress is visible and no single statement runs for minutes. */
    private static final int CHUNK = 100_000;

    private final Stack stack;
    private final Settings settings;
    private final Report report;

    AgendaRow(Stack stack, Settings settings, Report report) {
        this.stack = stack;
        this.settings = settings;
        this.report = report;
    }

    /** What a bulk load drops and how to put it back: foreign keys first (they validate), then indexes. */
    private record Rebuild(List<String> foreignKeys, List<String> indexes, List<String> exclusions) {
    }

    /**
     * A bulk load: course's and session's foreign keys, secondary indexes and unique/exclusion constraints are
     * dropped, and after the load created again from their own definitions (read from the catalog, so the schema ends
     * as Flyway left it, NOT VALID included, and every generated row is checked once, by one join per foreign key and
     * one sorted build per index, instead of four key lookups and seven index inserts per row). Primary keys stay:
     * other tables reference them, and the generated ids ascend, so their maintenance is an append. Nothing writes
     * courses or sessions meanwhile: the booking rows are done.
     */
    private static Rebuild dropForBulkLoad(Db db) {
        List<String> drop = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        for (Map<String, Object> constraint : db.query("""
                select conrelid::regclass::text as tbl, conname, contype::text as type, pg_get_constraintdef(oid) as def
                  from pg_constraint
                 where conrelid in ('course'::regclass, 'session'::regclass) and contype in ('f', 'x', 'u')
                 order by contype""")) {
            String table = constraint.get("tbl").toString();
            drop.add("alter table " + table + " drop constraint " + constraint.get("conname"));
            String add = "alter table " + table + " add constraint " + constraint.get("conname") + " "
                    + constraint.get("def");
            switch (constraint.get("type").toString()) {
                case "f" -> foreignKeys.add(add);
                case "x" -> exclusions.add(add);
                default -> indexes.add(add);
            }
        }
        for (Map<String, Object> index : db.query("""
                select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x join pg_class i on i.oid = x.indexrelid
                 where x.indrelid in ('course'::regclass, 'session'::regclass) and not x.indisprimary
                   and not exists (select 1 from pg_constraint c where c.conindid = i.oid)""")) {
            drop.add("drop index " + index.get("name"));
            indexes.add(index.get("def").toString());
        }
        db.script(drop);
        return new Rebuild(foreignKeys, indexes, exclusions);
    }

    /** Room for sorts and the foreign keys' anti-joins, and both cores for btree builds. */
    private static final List<String> BULK_SETTINGS = List.of("set maintenance_work_mem = '1GB'",
            "set work_mem = '256MB'", "set max_parallel_maintenance_workers = 2", "set synchronous_commit = off");

    void run() throws Exception {
        UUID clinic = UUID.randomUUID();
        Api api = new Api(stack.scheduling().baseUrl(), stack.token(clinic.toString(), "booking", "clinician"));
        // the clinic appears on first use, with its zone and opening hours
        api.post("/api/v1/practitioners", "{\"name\":\"Practitioner\"}");
        int courses = settings.agendaCourses();
        int practitioners = Math.max(10, courses / 500);
        // course c: practitioner and room c % P, sessions in that practitioner's hours (c / P) * 16 .. + 15
        long hours = (long) ((courses + practitioners - 1) / practitioners) * SESSIONS_PER_COURSE;
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
        Rebuild rebuild = dropForBulkLoad(db);
        List<String> load = new ArrayList<>(BULK_SETTINGS);
        load.add("""
                insert into course (id, clinic_id, patient_id, practitioner_id, room_id, status, start_date,
                                    sessions_per_week, weeks, weekdays, local_time, session_minutes, zone,
                                    recurrence, booked_by, version)
                select (%1$s || '-0004-4000-8000-' || lpad(to_hex(c), 12, '0'))::uuid, %2$s,
                       (%1$s || '-0003-4000-8000-' || lpad(to_hex(c %% (%3$d * 10)), 12, '0'))::uuid,
                       (%1$s || '-0001-4000-8000-' || lpad(to_hex(c %% %3$d), 12, '0'))::uuid,
                       (%1$s || '-0002-4000-8000-' || lpad(to_hex(c %% %3$d), 12, '0'))::uuid,
                       'scheduled', %4$s::date, 3, 6, 'MO,WE,FR', time '10:00', 30, 'Europe/Berlin',
                       'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=16', 'generator', 1
                  from generate_series(0, %5$d - 1) c""".formatted(quote(prefix), quote(clinic.toString()),
                practitioners, quote(firstDay.toString()), courses));
        db.script(load);
        long hoursPerChunk = Math.max(SESSIONS_PER_COURSE, (long) CHUNK / practitioners * SESSIONS_PER_COURSE);
        // two statements at a time: one backend is CPU-bound on building rows, and the machine has two cores
        java.util.concurrent.ExecutorService loaders = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> chunks = new ArrayList<>();
        for (long fromHour = 0; fromHour < hours; fromHour += hoursPerChunk) {
            long toHour = Math.min(hours, fromHour + hoursPerChunk) - 1;
            List<String> chunk = new ArrayList<>(BULK_SETTINGS);
            // one series n = h * P + p, so rows come in start order (hour h, then practitioner p) without a sort;
            // course (h / 16) * P + p, its session h % 16 + 1; the session id is n
            chunk.add("""
                    insert into session (id, clinic_id, course_id, practitioner_id, room_id, number, starts_at, ends_at,
                                         local_date, local_time, status, version)
                    select (%1$s || '-0005-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, %2$s,
                           (%1$s || '-0004-4000-8000-' || lpad(to_hex((x.h / 16) * %3$d + x.p), 12, '0'))::uuid,
                           (%1$s || '-0001-4000-8000-' || lpad(to_hex(x.p), 12, '0'))::uuid,
                           (%1$s || '-0002-4000-8000-' || lpad(to_hex(x.p), 12, '0'))::uuid,
                           x.h %% 16 + 1, t.starts_at, t.starts_at + interval '30 minutes',
                           (t.starts_at at time zone 'Europe/Berlin')::date,
                           (t.starts_at at time zone 'Europe/Berlin')::time, 'scheduled', 1
                      from generate_series(%4$d::bigint, %5$d::bigint) n,
                           lateral (select n / %3$d as h, n %% %3$d as p) x,
                           lateral (select %6$s::date::timestamptz + x.h * interval '1 hour' as starts_at) t
                     where (x.h / 16) * %3$d + x.p < %7$d""".formatted(quote(prefix), quote(clinic.toString()),
                    practitioners, fromHour * practitioners, (toHour + 1) * practitioners - 1,
                    quote(firstDay.toString()), courses));
            chunks.add(loaders.submit(() -> {
                db.script(chunk);
                LOG.info("agenda: sessions of hours up to {} of {} generated after {} s", toHour + 1, hours,
                        Duration.ofNanos(System.nanoTime() - started).toSeconds());
            }));
        }
        loaders.shutdown();
        for (java.util.concurrent.Future<?> chunk : chunks) {
            chunk.get();
        }
        Duration loaded = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("agenda: loaded in {} s; validating {} foreign keys, building {} indexes{}", loaded.toSeconds(),
                rebuild.foreignKeys().size(), rebuild.indexes().size(), settings.agendaExclusions()
                        ? " and " + rebuild.exclusions().size() + " exclusion constraints" : "");
        timed(db, rebuild.foreignKeys());
        timed(db, rebuild.indexes());
        // vacuumed, not only analyzed: sets the visibility map and hint bits now, so autovacuum's pass over 16 M fresh
        // rows does not run during the measurement, and the table is in the state a long-lived one is
        timed(db, List.of("vacuum (analyze) course", "vacuum (analyze) session"));
        Duration indexed = Duration.ofNanos(System.nanoTime() - started);
        String exclusionNote;
        if (settings.agendaExclusions()) {
            timed(db, rebuild.exclusions());
            exclusionNote = "; session's two GiST exclusion constraints rebuilt in %d s".formatted(
                    Duration.ofNanos(System.nanoTime() - started).minus(indexed).toSeconds());
        } else {
            // The agenda never reads them (the plans below show it); they only guard writes, and none follow.
            exclusionNote = "; **session's two GiST exclusion constraints (double-booking guards) were left off for this "
                    + "data set**: rebuilding them over 16 M rows does not fit the budget, and the plans below show the "
                    + "agenda query does not use them";
        }
        Duration generated = Duration.ofNanos(System.nanoTime() - started);
        long spanDays = Math.max(1, hours / 24 - 7);
        long sessions = db.number("select count(*) from session where clinic_id = ?", clinic);
        String plans = plans(db, clinic, prefix, firstDay.plusDays(spanDays / 2)) + "; starts_at's physical order "
                + "correlation " + db.query("""
                        select round(correlation::numeric, 3) as c from pg_stats
                         where tablename = 'session' and attname = 'starts_at'""").get(0).get("c");
        LOG.info("agenda: generated in {} s{}; plans: {}", generated.toSeconds(), exclusionNote, plans);

        OpenLoad.Request query = sequence -> {
            LocalDate from = firstDay.plusDays(ThreadLocalRandom.current().nextLong(spanDays));
            String filter = sequence % 2 == 0 ? "" : "&practitionerId=" + prefix + "-0001-4000-8000-"
                    + String.format("%012x", ThreadLocalRandom.current().nextInt(practitioners));
            api.get("/api/v1/sessions?from=" + from + "&to=" + from.plusDays(7) + "&limit=50" + filter);
        };
        // the service has not run this query yet (JIT) and the fresh table's pages are not yet hinted: not measured
        OpenLoad.run(settings.agendaQueries(), settings.smoke() ? Duration.ofSeconds(1) : Duration.ofSeconds(5), 32, query);
        LOG.info("agenda: {} queries/s for {} s", settings.agendaQueries(), settings.agendaPhase().toSeconds());
        OpenLoad.Result queries = OpenLoad.run(settings.agendaQueries(), settings.agendaPhase(), 32, query);
        boolean fullSize = courses >= 1_000_000;
        report.add(new Row("agenda query p99 with %,d courses / %,d sessions".formatted(courses, sessions),
                Row.ms(queries.p(99)), "–", null, "p99 < 20 ms at 1M courses / 16M sessions",
                fullSize ? queries.p(99) < 20 : null,
                "%sp50 %s, %d queries/s for %d s (a week, first page of 50; half of them one practitioner's; after 5 s of the same unmeasured); data generated in %d s (loaded in %d s, then foreign keys validated and indexes built)%s%s; plans (EXPLAIN ANALYZE of the service's query): %s"
                        .formatted(queries.failed() == 0 ? "" : "**%d of %d failed** (first: %s); ".formatted(
                                queries.failed(), queries.issued(), queries.firstFailure()),
                                Row.ms(queries.p(50)), settings.agendaQueries(), settings.agendaPhase().toSeconds(),
                                generated.toSeconds(), loaded.toSeconds(), exclusionNote,
                                fullSize ? "" : "; **smaller than the goal's size**, set with -Dbenchmark.agenda.courses",
                                plans),
                Map.of("courses", courses, "sessions", sessions, "p50Ms", queries.p(50), "p99Ms", queries.p(99),
                        "maxMs", queries.p(100), "generatedSeconds", generated.toSeconds(), "failed", queries.failed(),
                        "loadedSeconds", loaded.toSeconds(), "exclusionConstraints", settings.agendaExclusions(),
                        "plans", plans)));
    }

    /**
     * The plans of the two agenda queries as the service sends them (Hibernate's SQL for
     * {@code SessionRepository.agenda}, first page): which index serves each, and that the exclusion constraints'
     * GiST indexes are not among them.
     */
    private static String plans(Db db, UUID clinic, String prefix, LocalDate day) {
        String select = """
                explain (analyze, costs off, timing off, summary off)
                select s.id, s.clinic_id, s.course_id, s.practitioner_id, s.room_id, s.number, s.starts_at, s.ends_at,
                       s.local_date, s.local_time, s.status, s.version
                  from session s
                 where s.clinic_id = ?::uuid and s.starts_at >= ?::date::timestamptz and s.starts_at < ?::date::timestamptz %s
                 order by s.starts_at, s.id
                 offset 0 rows fetch first 51 rows only""";
        String clinicWeek = plan(db, select.formatted(""), clinic.toString(), day.toString(), day.plusDays(7).toString());
        String practitionerWeek = plan(db, select.formatted("and s.practitioner_id = ?::uuid"), clinic.toString(),
                day.toString(), day.plusDays(7).toString(), prefix + "-0001-4000-8000-000000000001");
        return "clinic's week: `" + clinicWeek + "`; one practitioner's week: `" + practitionerWeek + "`";
    }

    private static String plan(Db db, String sql, Object... parameters) {
        return db.query(sql, parameters).stream().map(row -> row.values().iterator().next().toString().trim())
                .collect(java.util.stream.Collectors.joining(" → "));
    }

    /** One statement after the other, each logged with its duration: where the rebuild's time goes. */
    private static void timed(Db db, List<String> statements) {
        for (String statement : statements) {
            long started = System.nanoTime();
            List<String> script = new ArrayList<>(BULK_SETTINGS);
            script.add(statement);
            db.script(script);
            LOG.info("agenda: {} s: {}", Duration.ofNanos(System.nanoTime() - started).toSeconds(), statement);
        }
    }

    private static String quote(String literal) {
        return "'" + literal.replace("'", "''") + "'";
    }
}

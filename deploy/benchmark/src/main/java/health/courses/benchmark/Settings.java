package health.courses.benchmark;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Sizes and durations of one run. Smoke mode ({@code -Dbenchmark.smoke=true}) shrinks every row to seconds so the
 * normal build proves the harness still works; its figures mean nothing. Each size can be overridden with -D.
 *
 * @param bookingClients  concurrent clients of the max-rate phase (the same count drives the JDBC baseline)
 * @param maxRatePhase    how long the service and the baseline are each driven as fast as they answer
 * @param warmUp          how long each is driven the same way before: JIT compilation (C2) must be over before the
 *                        phase is measured (a 5 s warm-up left 5.4 s of compilation inside the measured 10 s)
 * @param latencyPhase    how long bookings arrive at half the max rate (open model)
 * @param events          session events produced for the consumption row
 * @param reminders       reminders due at one instant for the drain row
 * @param latenessRate    reminders per second falling due at steady load
 * @param latenessHighRate the same at a higher rate, reported without a goal (issue 15: 500/s)
 * @param latenessPhase   how long reminders keep falling due at that rate
 * @param agendaCourses   courses generated for the agenda row (16 sessions each)
 * @param agendaQueries   agenda requests per second during the agenda row
 * @param agendaExclusions whether session's GiST exclusion constraints are rebuilt after the agenda's bulk load
 * @param rows            the rows to run ("all", or some of footprint, bookings, drain, agenda): drain needs bookings
 */
record Settings(boolean smoke, Path repoRoot, Path out, int bookingClients, Duration maxRatePhase,
        Duration warmUp, Duration latencyPhase, int events, int reminders, int latenessRate, int latenessHighRate, Duration latenessPhase,
        int agendaCourses, int agendaQueries, Duration agendaPhase, boolean agendaExclusions,
        java.util.Set<String> rows) {

    static Settings fromSystemProperties() {
        boolean smoke = Boolean.getBoolean("benchmark.smoke");
        return new Settings(smoke,
                Path.of(System.getProperty("benchmark.repo.root", "../..")).toAbsolutePath().normalize(),
                Path.of(System.getProperty("benchmark.out", "target/benchmark")).toAbsolutePath(),
                integer("benchmark.bookings.clients", smoke ? 2 : 8),
                seconds("benchmark.bookings.seconds", smoke ? 1 : 10),
                seconds("benchmark.warmup.seconds", smoke ? 1 : 20),
                seconds("benchmark.latency.seconds", smoke ? 1 : 15),
                integer("benchmark.events", smoke ? 50 : 30_000),
                integer("benchmark.drain.reminders", smoke ? 50 : 100_000),
                integer("benchmark.lateness.rate", smoke ? 10 : 50),
                integer("benchmark.lateness.high-rate", smoke ? 20 : 500),
                seconds("benchmark.lateness.seconds", smoke ? 1 : 20),
                integer("benchmark.agenda.courses", smoke ? 200 : 1_000_000),
                integer("benchmark.agenda.rate", smoke ? 10 : 50),
                seconds("benchmark.agenda.seconds", smoke ? 1 : 15),
                "true".equals(System.getProperty("benchmark.agenda.exclusions", "default")),
                java.util.Set.of(System.getProperty("benchmark.rows", "default").replace("default", "all").split(",")));
    }

    boolean runs(String row) {
        return rows.contains("all") || rows.contains(row);
    }

    /** "default" (what the Maven profile passes when nothing is given) means the mode's default. */
    private static int integer(String key, int fallback) {
        String value = System.getProperty(key, "default").replace("_", "");
        return value.isBlank() || value.equals("default") ? fallback : Integer.parseInt(value);
    }

    private static Duration seconds(String key, int fallback) {
        return Duration.ofSeconds(integer(key, fallback));
    }
}

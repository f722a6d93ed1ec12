package health.courses.benchmark;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the local stack and both packaged services, measures every row of issue 10 with its raw baseline in the
 * same run, and writes report.md and report.json. Run it with {@code ./mvnw -Pbenchmark} from the repo root; a
 * failing row is reported as failed and the run goes on, so one broken row never hides the others.
 */
public final class Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);

    private Benchmark() {
    }

    public static void main(String[] args) {
        Report report = run(Settings.fromSystemProperties());
        long failed = report.rows().stream().filter(row -> row.value().startsWith("failed")).count();
        if (failed > 0) {
            System.exit(1);
        }
    }

    /** Runs every row; the report is written even when a row fails. */
    public static Report run(Settings settings) {
        long started = System.nanoTime();
        Report report = new Report(settings.smoke());
        LOG.info("benchmark{}: starting the stack and both services", settings.smoke() ? " (smoke)" : "");
        try (Stack stack = Stack.start(settings)) {
            if (settings.runs("footprint")) {
                row(report, "each service: time to ready, idle RSS", () -> new FootprintRows(stack, settings, report).run());
            }
            if (settings.runs("bookings")) {
                row(report, "course bookings/s", () -> new BookingRows(stack, settings, report).run());
            }
            if (settings.runs("drain")) {
                DrainRows drain = new DrainRows(stack, settings, report);
                // one stop of notification-service serves both: its backlog builds up while the raw drain loop runs
                row(report, "event consumption rate", () -> new ConsumptionRow(stack, settings, report).run(drain::measureBaseline));
                row(report, "reminders due at once: drain rate", drain::run);
            }
            if (settings.runs("agenda")) {
                row(report, "agenda query p99", () -> new AgendaRow(stack, settings, report).run());
            }
        } finally {
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            report.write(settings.out(), wall);
            LOG.info("benchmark done in {} s: {}\n{}", wall.toSeconds(), settings.out().resolve("report.md"),
                    report.markdown(wall));
        }
        return report;
    }

    @FunctionalInterface
    private interface Measurement {
        void run() throws Exception;
    }

    private static void row(Report report, String figure, Measurement measurement) {
        try {
            measurement.run();
        } catch (Exception | AssertionError e) {
            LOG.error("{} failed", figure, e);
            report.add(new Row(figure, "failed: " + e, "–", null, "–", false, null, Map.of()));
        }
    }
}

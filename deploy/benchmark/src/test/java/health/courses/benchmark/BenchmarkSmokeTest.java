package health.courses.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The whole benchmark at smoke size (a few seconds per row, see {@link Settings}), so the harness cannot rot
 * between full runs. It checks that every row was measured and written, never how fast: timing belongs to the
 * full run's report, not to a test.
 */
class BenchmarkSmokeTest {

    @Test
    void everyRowIsMeasuredAgainstTheStackAndWritten() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        assertTrue(settings.smoke(), "the build runs the smoke size only; the full run is ./mvnw -Pbenchmark");

        Report report = Benchmark.run(settings);

        List<Row> rows = report.rows();
        List<String> failed = rows.stream().filter(row -> row.value().startsWith("failed")).map(Row::value).toList();
        assertEquals(List.of(), failed, "rows that failed");
        assertEquals(10, rows.size(), "rows: two services' footprint, bookings/s, latency, reminders planned, "
                + "consumption, drain, lateness at two rates, agenda; got " + rows.stream().map(Row::figure).toList());
        assertTrue(rows.stream().filter(row -> row.ratio() != null).allMatch(row -> row.ratio() > 0),
                "every baseline row has a ratio");
        assertTrue(Files.readString(settings.out().resolve("report.md")).contains("| figure |"));
        assertTrue(Files.size(settings.out().resolve("report.json")) > 0);
    }
}

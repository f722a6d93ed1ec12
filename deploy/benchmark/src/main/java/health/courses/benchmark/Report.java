package health.courses.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The rows of one run, written as report.md (the README's table) and report.json (every raw number). */
final class Report {

    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Machine machine = Machine.current();
    private final boolean smoke;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(boolean smoke) {
        this.smoke = smoke;
    }

    synchronized void add(Row row) {
        rows.add(smoke ? new Row(row.figure(), row.value(), row.baseline(), row.ratio(), row.goal(), null, row.note(),
                row.numbers()) : row);
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    void write(Path directory, Duration wallTime) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("report.md"), markdown(wallTime));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("date", started.toString());
            json.put("smoke", smoke);
            json.put("wallTimeSeconds", wallTime.toSeconds());
            json.put("machine", machine);
            json.put("loadAverageAtEnd", Machine.loadAverageNow());
            json.put("rows", rows());
            json.put("notes", notes);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules()
                    .writeValue(directory.resolve("report.json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized String markdown(Duration wallTime) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark").append(smoke ? " (smoke: tiny sizes, figures mean nothing)" : "").append("\n\n");
        md.append("Run ").append(started).append(" on ").append(machine).append("; load average (1, 5, 15 min) at start ")
                .append(machine.loadAverageAtStart()).append(", at end ").append(Machine.loadAverageNow())
                .append("; wall time ").append(wallTime.toSeconds()).append(" s (goal < 15 min: ")
                .append(smoke ? "–" : wallTime.compareTo(Duration.ofMinutes(15)) < 0 ? "yes" : "**no**").append(").\n\n");
        md.append("| figure | measured | baseline in the same run | ratio | goal | met |\n");
        md.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            md.append("| ").append(row.figure()).append(" | ").append(row.value()).append(" | ").append(row.baseline())
                    .append(" | ").append(row.ratio() == null ? "–" : String.format("%.2f", row.ratio()))
                    .append(" | ").append(row.goal()).append(" | ")
                    .append(row.met() == null ? "–" : row.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n");
        for (Row row : rows) {
            if (row.note() != null && !row.note().isBlank()) {
                md.append("- **").append(row.figure()).append("**: ").append(row.note()).append("\n");
            }
        }
        for (String note : notes) {
            md.append("- ").append(note).append("\n");
        }
        return md.toString();
    }
}

package health.courses.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import health.courses.localstack.ServiceProcess;

/**
 * Time to ready (process start to the first 200 from /q/health/ready, polled every 200 ms, the stack already up)
 * and resident memory after 5 s idle, read from /proc/&lt;pid&gt;/status.
 */
final class FootprintRows {

    private final Stack stack;
    private final Settings settings;
    private final Report report;

    FootprintRows(Stack stack, Settings settings, Report report) {
        this.stack = stack;
        this.settings = settings;
        this.report = report;
    }

    void run() throws IOException {
        BookingRows.pause(settings.smoke() ? Duration.ofSeconds(1) : Duration.ofSeconds(5));
        for (ServiceProcess service : new ServiceProcess[] {stack.scheduling(), stack.notification()}) {
            String name = service.spec().name();
            long ready = stack.readyTime(name).toMillis();
            long rssMegabytes = kilobytes(service.pid(), "VmRSS:") / 1024;
            long fileMegabytes = kilobytes(service.pid(), "RssFile:") / 1024;
            boolean classArchive = service.spec().jvmOptions().stream().anyMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
            report.add(new Row(name + "-service: time to ready, idle RSS", ready + " ms, " + rssMegabytes + " MB", "–",
                    null, "< 2 s, < 300 MB", ready < 2000 && rssMegabytes < 300,
                    "JVM mode, -Xmx384m, Flyway and Kafka clients included in the start; %d MB of the RSS file-backed (jars%s)"
                            .formatted(fileMegabytes, classArchive ? ", the AppCDS archive" : "; no AppCDS archive"),
                    Map.of("readyMs", ready, "idleRssMb", rssMegabytes, "rssFileMb", fileMegabytes, "appCds", classArchive)));
        }
    }

    private static long kilobytes(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith(field)).map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow(() -> new IOException("no " + field + " for " + pid));
    }
}

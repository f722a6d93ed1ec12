package health.courses.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import health.courses.localstack.ServiceJvm;
import health.courses.localstack.ServiceProcess;

/**
 * Time to ready (process start to the first 200 from /q/health/ready, polled every 200 ms, the stack already up and
 * the schema migrated by the service's migration step) and resident memory after 5 s idle, read from
 * /proc/&lt;pid&gt;/status; with the JDK that ran it and whether it used the AOT cache.
 */
final class FootprintRows {

    private static final Logger LOG = LoggerFactory.getLogger(FootprintRows.class);

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
            Duration migrationStep = stack.migrationTime(name);
            long migration = migrationStep == null ? -1 : migrationStep.toMillis();
            long rssMegabytes = kilobytes(service.pid(), "VmRSS:") / 1024;
            nativeMemory(service);
            long fileMegabytes = kilobytes(service.pid(), "RssFile:") / 1024;
            ServiceJvm jvm = service.jvm();
            String options = String.join(" ", service.spec().jvmOptions());
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("readyMs", ready);
            numbers.put("idleRssMb", rssMegabytes);
            numbers.put("rssFileMb", fileMegabytes);
            numbers.put("migrationMs", migration);
            numbers.put("jdk", jvm.version());
            numbers.put("aotCache", jvm.aotCache() == null ? "none" : jvm.aotCache().toString());
            numbers.put("jvmOptions", options);
            report.add(new Row(name + "-service: time to ready, idle RSS", ready + " ms, " + rssMegabytes + " MB", "–",
                    null, "< 2 s, < 250 MB", ready < 2000 && rssMegabytes < 250,
                    ("%s, %s; Kafka clients in the start, %s; %d MB of the RSS file-backed (jars%s)").formatted(
                            jvm.describe(), options, migrationStep == null ? "Flyway too (smoke: no migration step)"
                                    : "Flyway not (its migration step took " + migration + " ms before)",
                            fileMegabytes, jvm.aotCache() == null ? "" : ", the mapped AOT cache"),
                    numbers));
        }
    }

    /** With -XX:NativeMemoryTracking in benchmark.jvm.options: where the idle RSS goes, into logs/NAME-memory.txt. */
    private void nativeMemory(ServiceProcess service) {
        if (!service.spec().jvmOptions().stream().anyMatch(option -> option.startsWith("-XX:NativeMemoryTracking="))) {
            return;
        }
        Path out = service.spec().logFile().resolveSibling(service.spec().name() + "-memory.txt");
        try {
            new ProcessBuilder(service.jvm().java().resolveSibling("jcmd").toString(), String.valueOf(service.pid()),
                    "VM.native_memory", "summary").redirectErrorStream(true).redirectOutput(out.toFile()).start()
                    .waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("no native memory summary of {}: {}", service.spec().name(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long kilobytes(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith(field)).map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow(() -> new IOException("no " + field + " for " + pid));
    }
}

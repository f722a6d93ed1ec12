package health.courses.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the run happened: figures only compare within one machine, ratios hold across them. */
record Machine(int cores, long ramMegabytes, String cpu, String jdk, String os, String loadAverageAtStart) {

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotalMegabytes(), cpuModel(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                loadAverageNow());
    }

    /** The first three fields of /proc/loadavg (1, 5 and 15 minutes), e.g. to put next to a run's figures. */
    static String loadAverageNow() {
        String[] fields = read("/proc/loadavg").trim().split(" ");
        return fields.length < 3 ? "unknown" : String.join(" ", fields[0], fields[1], fields[2]);
    }

    private static long memTotalMegabytes() {
        return read("/proc/meminfo").lines().filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "%d cores (%s), %d MB RAM, %s, %s".formatted(cores, cpu, ramMegabytes, jdk, os);
    }
}

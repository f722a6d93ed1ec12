package health.courses.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local run killed with SIGKILL cannot stop its children: the services and PostgreSQL (which pg_ctl detaches into
 * its own session) keep running and hold the ports. The run therefore records its children, and the next run stops
 * what is left before it checks the ports.
 */
final class LeftoverProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverProcesses.class);

    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final Path pidFile;
    private final Path postmasterPid;

    LeftoverProcesses(Path dataDirectory) {
        this.pidFile = dataDirectory.resolve("run.pids");
        this.postmasterPid = dataDirectory.resolve("postgres").resolve("postmaster.pid");
    }

    /** Fails when the run that wrote the file is itself still alive: its children are not leftovers. */
    void stopLeftovers() {
        List<Recorded> recorded = readRecorded();
        for (Recorded entry : recorded) {
            if (entry.role().equals("run") && entry.alive().filter(process -> !exitsSoon(process)).isPresent()) {
                throw new IllegalStateException("another local run (pid " + entry.pid() + ") is still running on "
                        + pidFile.getParent() + "; stop it first (Ctrl-C in its terminal, or kill " + entry.pid() + ")");
            }
        }
        for (Recorded entry : recorded) {
            entry.alive().ifPresent(process -> stop(process, entry.role()));
        }
        postmaster().ifPresent(process -> stop(process, "postgres"));
        forget();
    }

    void record(String role, long pid) {
        ProcessHandle.of(pid).flatMap(process -> process.info().startInstant()).ifPresent(started -> {
            try {
                Files.createDirectories(pidFile.getParent());
                Files.writeString(pidFile, role + " " + pid + " " + started.toEpochMilli() + System.lineSeparator(),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record pid in " + pidFile, e);
            }
        });
    }

    void forget() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + pidFile, e);
        }
    }

    private List<Recorded> readRecorded() {
        if (!Files.exists(pidFile)) {
            return List.of();
        }
        try {
            List<Recorded> recorded = new ArrayList<>();
            for (String line : Files.readAllLines(pidFile)) {
                String[] fields = line.trim().split(" ");
                if (fields.length == 3) {
                    recorded.add(new Recorded(fields[0], Long.parseLong(fields[1]),
                            Instant.ofEpochMilli(Long.parseLong(fields[2]))));
                }
            }
            return recorded;
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
    }

    /** postmaster.pid's first line; trusted only when that pid still runs a postgres binary. */
    private Optional<ProcessHandle> postmaster() {
        try {
            if (!Files.exists(postmasterPid)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
            return ProcessHandle.of(pid).filter(process -> process.info().command()
                    .map(command -> command.endsWith("/postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A run killed a moment ago may still be on its way out (or a zombie not yet reaped). */
    private static boolean exitsSoon(ProcessHandle process) {
        try {
            process.onExit().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private static void stop(ProcessHandle process, String role) {
        LOG.info("stopping {} (pid {}) left over from an earlier run", role, process.pid());
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** Start time guards against the pid having been reused by an unrelated process since. */
    private record Recorded(String role, long pid, Instant started) {
        Optional<ProcessHandle> alive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().startInstant()
                            .map(instant -> instant.toEpochMilli() == started.toEpochMilli()).orElse(false));
        }
    }
}

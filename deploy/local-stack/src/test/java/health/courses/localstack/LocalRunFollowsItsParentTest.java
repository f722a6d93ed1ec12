package health.courses.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: a SIGTERM to the process that started the local run (Maven, stopped by an IDE's button, {@code timeout}
 * or a CI runner) and to it alone stops the run and everything the run started; and a service stops when the run
 * that started it is gone, even when the run could not stop it (SIGKILL). The bounds are on polls for an end that
 * must come, not on speed.
 */
class LocalRunFollowsItsParentTest {

    /** The stack's start in a fresh JVM on two shared cores. */
    private static final Duration STARTED_WITHIN = Duration.ofSeconds(180);
    /** Everything gone "within seconds": this bounds the poll, FollowParent's own backstop is 30 s. */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(45);

    @TempDir
    Path directory;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(process -> process.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aJvmWithTheAgentStopsGracefullyWhenTheProcessItFollowsEnds() throws IOException {
        Process runStandIn = start(new ProcessBuilder("sleep", "600"));
        Path output = directory.resolve("idle.out");
        Process service = start(new ProcessBuilder(java(), FollowParent.agentOption(runStandIn.pid()), "-cp",
                System.getProperty("java.class.path"), IdleUntilStopped.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile()));
        await().atMost(STARTED_WITHIN).until(() -> Files.readString(output).contains("idle: started"));
        assertTrue(service.isAlive(), "the service stand-in runs while the process it follows runs");

        long killed = System.nanoTime();
        runStandIn.destroyForcibly();

        await().atMost(GONE_WITHIN).until(() -> !service.isAlive());
        System.out.printf("follow-parent agent: the JVM stopped %d ms after the process it follows was killed%n",
                Duration.ofNanos(System.nanoTime() - killed).toMillis());
        String said = Files.readString(output);
        assertEquals(FollowParent.EXIT_CODE, service.exitValue(), said);
        assertTrue(said.contains(IdleUntilStopped.STOPPED), "stopped through its shutdown hooks: " + said);
    }

    @Test
    void aSigtermToTheProcessThatStartedTheRunAloneStopsTheRunAndItsStack() throws IOException {
        Map<String, Integer> ports = Map.of("kafka.port", FreePorts.pick(), "kafka.controller.port", FreePorts.pick(),
                "postgres.port", FreePorts.pick(), "smtp.port", FreePorts.pick(), "imap.port", FreePorts.pick());
        List<String> run = new ArrayList<>(List.of(java(), "-Droot=" + directory, "-Dstack.only=true",
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider"));
        ports.forEach((property, port) -> run.add("-D" + property + "=" + port));
        run.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalRun.class.getName()));
        // Maven's part: start the run as a child, then wait; a SIGTERM ends the shell and nothing forwards it.
        List<String> standIn = new ArrayList<>(List.of("bash", "-c", "\"$@\" & echo \"run $!\"; wait", "maven"));
        standIn.addAll(run);
        Path output = directory.resolve("run.out");
        Process maven = start(new ProcessBuilder(standIn).redirectErrorStream(true).redirectOutput(output.toFile()));
        Path envFile = directory.resolve(".local/stack.env");
        await().atMost(STARTED_WITHIN).until(() -> Files.exists(envFile) || !maven.isAlive());
        assertTrue(maven.isAlive(), "the stand-in for Maven ended before the run started:\n" + read(output));
        long runPid = Long.parseLong(read(output).lines().filter(line -> line.startsWith("run ")).findFirst()
                .orElseThrow().substring("run ".length()).trim());
        ProcessHandle localRun = ProcessHandle.of(runPid).orElseThrow();
        long postmaster = Long.parseLong(Files.readAllLines(directory.resolve(".local/postgres/postmaster.pid"))
                .get(0).trim());
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "PostgreSQL runs");
        assertTrue(ports.values().stream().noneMatch(FreePorts::isFree), "the stack holds its ports: " + ports);

        long terminated = System.nanoTime();
        maven.destroy();

        await().atMost(GONE_WITHIN).until(() -> !localRun.isAlive()
                && ProcessHandle.of(postmaster).map(process -> !process.isAlive()).orElse(true)
                && ports.values().stream().allMatch(FreePorts::isFree));
        System.out.printf("local run: run, PostgreSQL and ports gone %d ms after the SIGTERM to its parent%n",
                Duration.ofNanos(System.nanoTime() - terminated).toMillis());
        String said = read(output);
        assertTrue(said.contains("local run stopped"), "the run stopped through its shutdown report:\n" + said);
        Map<String, Integer> stillTaken = ports.entrySet().stream().filter(port -> !FreePorts.isFree(port.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), stillTaken);
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path output) {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.ofNullable(e.getMessage()).orElse("unreadable");
        }
    }
}

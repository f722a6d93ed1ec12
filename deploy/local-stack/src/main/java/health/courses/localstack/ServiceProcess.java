package health.courses.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One packaged Quarkus service running as a real child process, as in production: the local run, the system tests
 * and the crash tests (SIGKILL, then start the same spec again) all use it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);

    private final ServiceSpec spec;
    private final ServiceJvm jvm;
    private final Process process;
    private final OutputPump output;

    private ServiceProcess(ServiceSpec spec, ServiceJvm jvm, Process process, OutputPump output) {
        this.spec = spec;
        this.jvm = jvm;
        this.process = process;
        this.output = output;
    }

    public static ServiceProcess start(ServiceSpec spec) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IllegalStateException(spec.name() + " is not packaged: " + spec.jar()
                    + " is missing; run ./mvnw -Prun (or ./mvnw package -DskipTests) from the repo root");
        }
        ServiceJvm jvm = ServiceJvm.forJar(spec.jar());
        LOG.info("{}: starting with {}", spec.name(), jvm.describe());
        try {
            Process process = new ProcessBuilder(command(spec, jvm))
                    .redirectErrorStream(true)
                    .start();
            return new ServiceProcess(spec, jvm, process,
                    OutputPump.start(process.getInputStream(), spec.name(), spec.logFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    private static List<String> command(ServiceSpec spec, ServiceJvm jvm) {
        List<String> command = new ArrayList<>();
        command.add(jvm.java().toString());
        command.addAll(jvm.options());
        command.addAll(spec.jvmOptions());
        command.add("-Dquarkus.profile=" + ServiceSpec.PROFILE);
        spec.config().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + spec.httpPort());
        command.add("-jar");
        command.add(spec.jar().toString());
        return command;
    }

    /** Polls {@code /q/health/ready} until it answers 200; fails early, with the last output, if the process dies. */
    public ServiceProcess awaitReady(Duration timeout) {
        URI ready = URI.create(spec.baseUrl() + "/q/health/ready");
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                        + " before it was ready" + lastOutput());
            }
            if (answersOk(request)) {
                return this;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(spec.name() + " was not ready at " + ready + " within " + timeout.toSeconds()
                + " s" + lastOutput());
    }

    private static boolean answersOk(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for readiness", e);
        }
    }

    /**
     * For a run that ends by itself (e.g. {@code -Dquarkus.init-and-exit=true}: migrate, exit): waits for the exit
     * and fails, with the last output, unless it exits with 0 within the timeout.
     */
    public void awaitSuccessfulExit(Duration timeout) {
        if (!awaitExit(timeout)) {
            kill();
            throw new IllegalStateException(spec.name() + " did not exit within " + timeout.toSeconds() + " s" + lastOutput());
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue() + lastOutput());
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful close, exactly what a crash test wants. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM and wait for Quarkus' graceful shutdown; SIGKILL if it hangs. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(GRACEFUL_STOP)) {
            kill();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** The Java that runs this service and whether it uses an AOT cache. */
    public ServiceJvm jvm() {
        return jvm;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String baseUrl() {
        return spec.baseUrl();
    }

    public List<String> recentOutput() {
        return output.lastLines();
    }

    private String lastOutput() {
        List<String> lines = output.lastLines();
        String where = spec.logFile() == null ? "" : " (full log: " + spec.logFile() + ")";
        return lines.isEmpty() ? where : "; last output" + where + ":\n  " + String.join("\n  ", lines);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

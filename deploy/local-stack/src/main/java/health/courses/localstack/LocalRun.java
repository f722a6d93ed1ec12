package health.courses.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./mvnw -Prun}: the whole system on this machine with data kept under {@code .local/}. Ctrl-C stops
 * everything it started, and so does the end of the process that started the run (Maven, stopped by an IDE, {@code
 * timeout} or a CI runner with a SIGTERM to it alone): the run follows its parent and each service follows the run
 * ({@link FollowParent}).
 */
public final class LocalRun {

    // slf4j-simple, not java.util.logging: JUL resets its handlers in its own shutdown hook, and the stop
    // report is written from ours
    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** C1 only: two services start side by side on small machines about a third faster; a dev run needs no peak speed. */
    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    private final LocalRunSettings settings;
    private final LeftoverProcesses leftovers;
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalStack stack;

    private LocalRun(LocalRunSettings settings) {
        this.settings = settings;
        this.leftovers = new LeftoverProcesses(settings.dataDirectory());
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s - %5$s%6$s%n");
        Instant launched = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        LocalRun run;
        try {
            run = new LocalRun(LocalRunSettings.fromSystemProperties());
            run.preflight();
        } catch (RuntimeException e) {
            LOG.error("local run: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(run::stopAll, "local-run-stop"));
        ProcessHandle.current().parent().ifPresent(parent -> FollowParent.follow(parent.pid(), "local run"));
        try {
            run.start(launched);
        } catch (RuntimeException e) {
            LOG.error("local run failed: {}", e.getMessage());
            System.exit(1);
        } catch (Error e) {
            LOG.error("local run failed", e);
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    /** Everything that can fail fast does so before anything starts. */
    private void preflight() {
        if (!settings.stackOnly()) {
            for (String module : List.of("scheduling-service", "notification-service")) {
                Path jar = ServiceSpec.jarOf(settings.root(), module);
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(jar + " is missing: run ./mvnw -Prun from the repo root "
                            + "(repo root is taken from -Droot=" + settings.root() + ")");
                }
            }
        }
        leftovers.stopLeftovers();
        settings.ports().forEach((property, port) -> {
            if (!FreePorts.isFree(port)) {
                throw new IllegalStateException("port " + port + " is taken: run with -D" + property + "=<free port>");
            }
        });
        if (settings.reset()) {
            deleteRecursively(settings.dataDirectory());
            LOG.info("reset: deleted {}", settings.dataDirectory());
        }
    }

    private void start(Instant launched) {
        leftovers.record("run", ProcessHandle.current().pid());
        long started = System.nanoTime();
        stack = LocalStack.start(settings.stack());
        Duration stackTime = Duration.ofNanos(System.nanoTime() - started);
        Map<String, String> env = StackEnvFile.variables(settings, stack);
        StackEnvFile.write(settings.envFile(), env);
        if (!settings.stackOnly()) {
            startServices();
        }
        Duration total = Duration.between(launched, Instant.now());
        Duration servicesTime = Duration.ofNanos(System.nanoTime() - started).minus(stackTime);
        LOG.info("{}", Banner.text(settings, stack, total, stackTime, servicesTime));
    }

    private void startServices() {
        Map<String, String> config = new HashMap<>(stack.config());
        // the services verify tokens; only token minting needs the private key, and a command line is world-readable
        config.remove(LocalStack.JWT_PRIVATE_KEY);
        List<ServiceSpec> specs = List.of(
                spec("scheduling", "scheduling-service", settings.schedulingPort(), config),
                spec("notification", "notification-service", settings.notificationPort(), config));
        for (ServiceSpec spec : specs) {
            ServiceProcess service = ServiceProcess.start(spec);
            services.add(service);
            leftovers.record(spec.name(), service.pid());
        }
        try {
            CompletableFuture.allOf(services.stream()
                    .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(READY_TIMEOUT)))
                    .toArray(CompletableFuture[]::new))
                    .join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private ServiceSpec spec(String name, String module, int port, Map<String, String> config) {
        List<String> options = new ArrayList<>(SERVICE_JVM_OPTIONS);
        // the service ends when this run ends, however it ends (a SIGKILL leaves no shutdown hook to stop it)
        options.add(FollowParent.agentOption());
        return new ServiceSpec(name, ServiceSpec.jarOf(settings.root(), module), port, config, options, null);
    }

    /** Runs in the shutdown hook: Ctrl-C, SIGTERM to the run, the end of the process that started it, or a failed start. */
    private void stopAll() {
        LOG.info("local run: stopping...");
        services.parallelStream().forEach(ServiceProcess::stop);
        if (stack != null) {
            try {
                stack.close();
            } catch (RuntimeException e) {
                LOG.warn("local run: while stopping the stack: {}", e.getMessage());
            }
        }
        leftovers.forget();
        LOG.info("local run stopped: services, Kafka, PostgreSQL and mail are down; data kept in {}",
                settings.dataDirectory());
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}

package health.courses.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import health.courses.localstack.DevTokens;
import health.courses.localstack.FreePorts;
import health.courses.localstack.LocalStack;
import health.courses.localstack.ServiceProcess;
import health.courses.localstack.ServiceSpec;
import health.courses.localstack.StackSettings;

/**
 * The ephemeral local stack (Kafka, PostgreSQL, mail) and both packaged services as real processes, the way the
 * system tests run them. Services start one after the other so each one's time to ready is its own, not a share of
 * two cores with the other's start (in smoke mode both at once).
 */
final class Stack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /**
     * Chosen by measurement (issue 15, deploy/benchmark README): SerialGC, fit for a small service on 2 cores, keeps
     * the idle RSS well under G1's; 16 MB initial heap, grown as needed; 256 MB bounds it (idle use is far below).
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx256m");

    private final LocalStack local;
    private final SmtpSink mail;
    private final Path logs;
    private final List<String> jvmOptions;
    private final Map<String, String> config;
    private ServiceProcess scheduling;
    private ServiceProcess notification;
    /** A benchmark JVM ended early (Ctrl-C, a timeout) must not leave service processes behind. */
    private final Thread stopOnExit = new Thread(this::stopServices, "benchmark-stop-services");
    private final Map<String, Duration> readyTimes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Duration> migrationTimes = new java.util.concurrent.ConcurrentHashMap<>();

    private Stack(LocalStack local, SmtpSink mail, Path logs, List<String> jvmOptions, Map<String, String> config) {
        this.local = local;
        this.mail = mail;
        this.logs = logs;
        this.jvmOptions = jvmOptions;
        this.config = config;
    }

    static Stack start(Settings settings) {
        LocalStack local = LocalStack.start(StackSettings.ephemeral());
        SmtpSink mail;
        try {
            mail = SmtpSink.start();
        } catch (java.io.IOException e) {
            local.close();
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(local.config());
        config.remove(LocalStack.JWT_PRIVATE_KEY);
        config.put(LocalStack.MAILER_HOST, "127.0.0.1");
        config.put(LocalStack.MAILER_PORT, String.valueOf(mail.port()));
        List<String> jvm = new ArrayList<>(SERVICE_JVM_OPTIONS);
        // to try other JVM settings against the same run's figures, e.g. -Dbenchmark.jvm.options=-XX:NativeMemoryTracking=summary
        String extra = System.getProperty("benchmark.jvm.options", "").trim();
        if (!extra.isEmpty() && !extra.equals("default")) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        Stack stack = new Stack(local, mail, settings.out().resolve("logs"), jvm, config);
        Runtime.getRuntime().addShutdownHook(stack.stopOnExit);
        try {
            Files.createDirectories(stack.logs);
            if (settings.smoke()) {
                // the smoke run's figures mean nothing: start both at once, each migrating in its own start (one JVM
                // start each, not two), to keep the build short
                var notification = java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> stack.startService(settings.repoRoot(), "notification", "notification-service", false));
                stack.scheduling = stack.startService(settings.repoRoot(), "scheduling", "scheduling-service", false);
                stack.notification = notification.join();
            } else {
                stack.scheduling = stack.startService(settings.repoRoot(), "scheduling", "scheduling-service", true);
                stack.notification = stack.startService(settings.repoRoot(), "notification", "notification-service", true);
            }
        } catch (Exception e) {
            stack.close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        return stack;
    }

    private ServiceProcess startService(Path root, String name, String module, boolean separateMigration) {
        Path jar = ServiceSpec.jarOf(root, module);
        List<String> jvm = new ArrayList<>(jvmOptions);
        // The benchmark measures capacity: the per-clinic abuse limits would cap its load at their configured rate.
        Map<String, String> serviceConfig = new java.util.HashMap<>(config);
        serviceConfig.put("scheduling".equals(name) ? "courses.rate-limit.create.capacity"
                : "courses.rate-limit.clinic-writes.capacity", "1000000000");
        if (separateMigration) {
            // As in production (Compose, Kubernetes): the schema is migrated by a step of its own, the same jar
            // started with init-and-exit, and the service's timed start does no schema work.
            Map<String, String> migrateConfig = new java.util.HashMap<>(serviceConfig);
            migrateConfig.put("quarkus.init-and-exit", "true");
            long migrating = System.nanoTime();
            ServiceProcess.start(new ServiceSpec(name + "-migrate", jar, FreePorts.pick(), migrateConfig, jvm,
                    logs.resolve(name + "-migrate.log"))).awaitSuccessfulExit(READY_TIMEOUT);
            migrationTimes.put(name, Duration.ofNanos(System.nanoTime() - migrating));
            serviceConfig.put("quarkus.flyway.migrate-at-start", "false");
        }
        ServiceSpec spec = new ServiceSpec(name, jar, FreePorts.pick(), serviceConfig, jvm, logs.resolve(name + ".log"));
        long started = System.nanoTime();
        ServiceProcess process = ServiceProcess.start(spec).awaitReady(READY_TIMEOUT);
        readyTimes.put(name, Duration.ofNanos(System.nanoTime() - started));
        record(process);
        return process;
    }

    /**
     * Starts the service's JFR profile once it is ready, through {@code jcmd}. Not {@code -XX:StartFlightRecording}:
     * that flag adds the module jdk.jfr, and JDK 25 then rejects an AOT cache trained without it ("Mismatched values
     * for property jdk.module.addmods"), so the profiled run would silently start without the cache. One file per
     * service name; a restarted service's recording replaces its first one.
     */
    private void record(ServiceProcess process) {
        if (!Boolean.getBoolean("benchmark.jfr")) {
            return;
        }
        Path jcmd = process.jvm().java().resolveSibling("jcmd");
        Path file = logs.resolveSibling(process.spec().name() + ".jfr");
        try {
            Process started = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "JFR.start",
                    "name=benchmark", "settings=profile", "dumponexit=true", "filename=" + file)
                    .redirectErrorStream(true).redirectOutput(logs.resolve(process.spec().name() + "-jfr.log").toFile())
                    .start();
            if (!started.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || started.exitValue() != 0) {
                System.err.println("JFR did not start in " + process.spec().name() + ": see its -jfr.log");
            }
        } catch (java.io.IOException e) {
            System.err.println("JFR did not start in " + process.spec().name() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops notification-service (graceful), e.g. so a backlog can build up on its topic. */
    void stopNotification() {
        notification.stop();
    }

    /** Starts notification-service again with the same spec and returns once it is ready. */
    void startNotification() {
        notification = ServiceProcess.start(notification.spec()).awaitReady(READY_TIMEOUT);
        record(notification);
    }

    Duration readyTime(String service) {
        return readyTimes.get(service);
    }

    /**
     * How long the service's migration step (start, migrate the empty schema, exit) took before its timed start;
     * null when it migrated in its own start (smoke mode).
     */
    Duration migrationTime(String service) {
        return migrationTimes.get(service);
    }

    ServiceProcess scheduling() {
        return scheduling;
    }

    ServiceProcess notification() {
        return notification;
    }

    Db db(String schema) {
        return new Db(local.postgres().jdbcUrl(), schema);
    }

    SmtpSink mail() {
        return mail;
    }

    String kafka() {
        return local.kafkaBootstrapServers();
    }

    String token(String clinicId, String... roles) {
        return DevTokens.mint(local.keys().privateKeyBase64(), clinicId, "benchmark@" + clinicId, Set.of(roles));
    }

    private void stopServices() {
        for (ServiceProcess service : new ServiceProcess[] {scheduling, notification}) {
            if (service != null) {
                service.stop();
            }
        }
    }

    @Override
    public void close() {
        stopServices();
        mail.close();
        local.close();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }
}

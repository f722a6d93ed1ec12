package health.courses.system;

import health.courses.localstack.DevTokens;
import health.courses.localstack.FreePorts;
import health.courses.localstack.LocalStack;
import health.courses.localstack.Mailbox;
import health.courses.localstack.ReceivedMail;
import health.courses.localstack.ServiceProcess;
import health.courses.localstack.ServiceSpec;
import health.courses.localstack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The ephemeral stack plus both packaged services as real processes, started once per test JVM. Crash tests stop a
 * service with {@link ServiceProcess#kill()} and start it again with {@link #restart(ServiceProcess)}.
 */
public final class SystemUnderTest implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** Two services, a broker and a database share two cores with the build: keep each service small. */
    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

    private final LocalStack stack;
    private volatile ServiceProcess scheduling;
    private volatile ServiceProcess notification;
    private final Thread killOnExit;

    private SystemUnderTest(LocalStack stack, ServiceProcess scheduling, ServiceProcess notification) {
        this.stack = stack;
        this.scheduling = scheduling;
        this.notification = notification;
        // a test JVM ended by a timeout must not leave service processes behind
        this.killOnExit = new Thread(this::stopServices, "system-under-test-stop");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static SystemUnderTest start() {
        long started = System.nanoTime();
        Path root = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("system.logs", "target/system-logs"));
        List<ServiceSpec> specs = List.of(
                spec(root, logs, "scheduling", "scheduling-service"),
                spec(root, logs, "notification", "notification-service"));
        specs.forEach(SystemUnderTest::requirePackaged);

        LocalStack stack = LocalStack.start(StackSettings.ephemeral());
        Map<String, String> config = new HashMap<>(stack.config());
        config.remove(LocalStack.JWT_PRIVATE_KEY);
        ServiceProcess scheduling = null;
        ServiceProcess notification = null;
        try {
            scheduling = ServiceProcess.start(withConfig(specs.get(0), config));
            notification = ServiceProcess.start(withConfig(specs.get(1), config));
            CompletableFuture.allOf(awaitReady(scheduling), awaitReady(notification)).join();
        } catch (RuntimeException e) {
            stopQuietly(scheduling);
            stopQuietly(notification);
            stack.close();
            throw e;
        }
        System.out.printf("system under test ready in %d ms (stack %d ms); service logs in %s%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), stack.startTime().toMillis(),
                logs.toAbsolutePath());
        return new SystemUnderTest(stack, scheduling, notification);
    }

    private static ServiceSpec spec(Path root, Path logs, String name, String module) {
        return new ServiceSpec(name, ServiceSpec.jarOf(root, module), FreePorts.pick(), Map.of(), SERVICE_JVM_OPTIONS,
                logs.resolve(name + ".log"));
    }

    private static ServiceSpec withConfig(ServiceSpec spec, Map<String, String> config) {
        return new ServiceSpec(spec.name(), spec.jar(), spec.httpPort(), config, spec.jvmOptions(), spec.logFile());
    }

    private static void requirePackaged(ServiceSpec spec) {
        if (!spec.jar().toFile().isFile()) {
            throw new IllegalStateException(spec.jar() + " is missing: package the services first, e.g. ./mvnw verify "
                    + "from the repo root (or ./mvnw package -DskipTests, then ./mvnw -pl deploy/system verify)");
        }
    }

    private static CompletableFuture<Void> awaitReady(ServiceProcess service) {
        return CompletableFuture.runAsync(() -> service.awaitReady(READY_TIMEOUT));
    }

    public String schedulingUrl() {
        return scheduling.baseUrl();
    }

    public String notificationUrl() {
        return notification.baseUrl();
    }

    public ServiceProcess scheduling() {
        return scheduling;
    }

    public ServiceProcess notification() {
        return notification;
    }

    /** Starts the same service again, e.g. after {@link ServiceProcess#kill()}, and waits until it is ready. */
    public ServiceProcess restart(ServiceProcess service) {
        service.stop();
        ServiceProcess restarted = ServiceProcess.start(service.spec()).awaitReady(READY_TIMEOUT);
        if (service == scheduling) {
            scheduling = restarted;
        } else if (service == notification) {
            notification = restarted;
        }
        return restarted;
    }

    public String kafkaBootstrapServers() {
        return stack.kafkaBootstrapServers();
    }

    public String token(String clinicId, String... roles) {
        return DevTokens.mint(stack.keys().privateKeyBase64(), clinicId, "system-test@" + clinicId, Set.of(roles));
    }

    public List<ReceivedMail> mailbox(String address) {
        Map<String, String> config = stack.config();
        return Mailbox.read(config.get(LocalStack.IMAP_HOST), Integer.parseInt(config.get(LocalStack.IMAP_PORT)), address);
    }

    private void stopServices() {
        stopQuietly(scheduling);
        stopQuietly(notification);
    }

    private static void stopQuietly(ServiceProcess service) {
        if (service != null) {
            service.stop();
        }
    }

    @Override
    public void close() {
        stopServices();
        stack.close();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing left to undo
        }
    }
}

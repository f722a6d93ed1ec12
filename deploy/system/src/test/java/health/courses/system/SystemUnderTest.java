package health.courses.system;

import health.courses.localstack.DevKeys;
import health.courses.localstack.DevTokens;
import health.courses.localstack.FreePorts;
import health.courses.localstack.LocalMail;
import health.courses.localstack.LocalPostgres;
import health.courses.localstack.LocalStack;
import health.courses.localstack.Mailbox;
import health.courses.localstack.ReceivedMail;
import health.courses.localstack.ServiceProcess;
import health.courses.localstack.ServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The ephemeral stack plus both packaged services as real processes, started once per test JVM. Crash tests stop a
 * service with {@link ServiceProcess#kill()} and start it again with {@link #restart(ServiceProcess)}; outage tests
 * stop the broker with {@link #stopKafka()} and bring it back with {@link #startKafka()}.
 */
public final class SystemUnderTest implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** Two services, a broker and a database share two cores with the build: keep each service small. */
    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

    private final Stack stack;
    private volatile ServiceProcess scheduling;
    private volatile ServiceProcess notification;
    private final Thread killOnExit;

    private SystemUnderTest(Stack stack, ServiceProcess scheduling, ServiceProcess notification) {
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

        Stack stack = Stack.start();
        Map<String, String> config = stack.serviceConfig();
        ServiceProcess scheduling = null;
        ServiceProcess notification = null;
        try {
            // The crash, outage and latency tests book several times a second for one clinic: the per-clinic abuse
            // limits (each service tests its own) would turn them into 429s. Each service knows only its own key.
            scheduling = ServiceProcess.start(withConfig(specs.get(0),
                    with(config, "courses.rate-limit.create.capacity", "1000000")));
            notification = ServiceProcess.start(withConfig(specs.get(1),
                    with(config, "courses.rate-limit.clinic-writes.capacity", "1000000")));
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

    private static Map<String, String> with(Map<String, String> config, String key, String value) {
        Map<String, String> more = new HashMap<>(config);
        more.put(key, value);
        return more;
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

    /**
     * Another instance of {@code service} on the same stack and settings, on a port and log file of its own
     * ({@code <name>.log}); not yet ready when this returns. The caller stops it (replica tests).
     */
    public ServiceProcess startReplica(ServiceProcess service, String name) {
        ServiceSpec spec = service.spec();
        Path log = spec.logFile() == null ? null : spec.logFile().resolveSibling(name + ".log");
        return ServiceProcess.start(new ServiceSpec(name, spec.jar(), FreePorts.pick(), spec.config(),
                spec.jvmOptions(), log));
    }

    public String kafkaBootstrapServers() {
        return stack.kafka().bootstrapServers();
    }

    /** Broker outage tests: stops the broker (the services stay up and keep retrying). */
    public void stopKafka() {
        stack.kafka().stopBroker();
    }

    /** Starts the stopped broker again on the same ports and data, and returns once clients can use it. */
    public void startKafka() {
        stack.kafka().startBroker();
    }

    /** JDBC URL of the stack's database (user and password: {@link LocalPostgres#USER}), for checks of stored rows. */
    public String jdbcUrl() {
        return stack.postgres().jdbcUrl();
    }

    public String token(String clinicId, String... roles) {
        return DevTokens.mint(stack.keys().privateKeyBase64(), clinicId, "system-test@" + clinicId, Set.of(roles));
    }

    public List<ReceivedMail> mailbox(String address) {
        return Mailbox.read(LocalMail.HOST, stack.mail().imapPort(), address);
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

    /**
     * The local stack's parts, composed here rather than by {@code LocalStack} because the broker must be one that
     * can be stopped and started again ({@link RestartableKafka}); started in parallel like {@code LocalStack}.
     */
    private record Stack(RestartableKafka kafka, LocalPostgres postgres, LocalMail mail, DevKeys keys,
            Duration startTime) implements AutoCloseable {

        static Stack start() {
            long started = System.nanoTime();
            // SLF4J initialised from several threads at once replays early calls with a warning; do it once here
            org.slf4j.LoggerFactory.getILoggerFactory();
            CompletableFuture<RestartableKafka> kafka = CompletableFuture.supplyAsync(RestartableKafka::start);
            CompletableFuture<LocalPostgres> postgres = CompletableFuture.supplyAsync(LocalPostgres::ephemeral);
            CompletableFuture<LocalMail> mail = CompletableFuture.supplyAsync(() -> LocalMail.start(0, 0));
            DevKeys keys = DevKeys.generate();
            try {
                CompletableFuture.allOf(kafka, postgres, mail).join();
            } catch (RuntimeException e) {
                for (CompletableFuture<? extends AutoCloseable> part : List.of(kafka, postgres, mail)) {
                    part.thenAccept(Stack::closeQuietly);
                }
                throw e;
            }
            return new Stack(kafka.join(), postgres.join(), mail.join(), keys,
                    Duration.ofNanos(System.nanoTime() - started));
        }

        /** The team contract's keys, as LocalStack.config() gives them, minus the private key services never get. */
        Map<String, String> serviceConfig() {
            Map<String, String> config = new HashMap<>();
            config.put(LocalStack.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
            config.put(LocalStack.REACTIVE_URL, postgres.reactiveUrl());
            config.put(LocalStack.JDBC_URL, postgres.jdbcUrl());
            config.put(LocalStack.DB_USER, LocalPostgres.USER);
            config.put(LocalStack.DB_PASSWORD, LocalPostgres.PASSWORD);
            config.put(LocalStack.MAILER_HOST, LocalMail.HOST);
            config.put(LocalStack.MAILER_PORT, String.valueOf(mail.smtpPort()));
            config.put(LocalStack.JWT_PUBLIC_KEY, keys.publicKeyBase64());
            config.put(LocalStack.JWT_ISSUER, DevTokens.ISSUER);
            config.put(LocalStack.IMAP_HOST, LocalMail.HOST);
            config.put(LocalStack.IMAP_PORT, String.valueOf(mail.imapPort()));
            // Traces on (they are off in the local run), so that TraceAcrossTheOutboxTest can follow one trace id
            // from the booking request to notification-service's log. No collector here: export only every hour.
            config.put("quarkus.otel.sdk.disabled", "false");
            config.put("quarkus.otel.bsp.schedule.delay", "1h");
            config.put("quarkus.log.category.\"health.courses.notification.events\".level", "DEBUG");
            config.put("quarkus.log.category.\"health.courses.notification.notification\".level", "DEBUG");
            return config;
        }

        private static void closeQuietly(AutoCloseable part) {
            try {
                part.close();
            } catch (Exception ignored) {
                // stopping what did start after another part failed; the start failure is what gets reported
            }
        }

        @Override
        public void close() {
            closeQuietly(mail);
            closeQuietly(kafka);
            closeQuietly(postgres);
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

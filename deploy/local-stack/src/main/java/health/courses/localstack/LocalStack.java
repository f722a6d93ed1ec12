package health.courses.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Kafka, PostgreSQL, mail and the dev key pair, started together. The parts are independent, so they start in
 * parallel: the slowest one sets the start time, not the sum.
 */
public final class LocalStack implements AutoCloseable {

    public static final String KAFKA_BOOTSTRAP = "kafka.bootstrap.servers";
    public static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    public static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    public static final String DB_USER = "quarkus.datasource.username";
    public static final String DB_PASSWORD = "quarkus.datasource.password";
    public static final String MAILER_HOST = "quarkus.mailer.host";
    public static final String MAILER_PORT = "quarkus.mailer.port";
    public static final String JWT_PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String JWT_ISSUER = "mp.jwt.verify.issuer";
    public static final String IMAP_HOST = "local-stack.imap.host";
    public static final String IMAP_PORT = "local-stack.imap.port";
    public static final String JWT_PRIVATE_KEY = "local-stack.jwt.private-key";

    private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());

    private final LocalKafka kafka;
    private final LocalPostgres postgres;
    private final LocalMail mail;
    private final DevKeys keys;
    private final Duration startTime;

    private LocalStack(LocalKafka kafka, LocalPostgres postgres, LocalMail mail, DevKeys keys, Duration startTime) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.mail = mail;
        this.keys = keys;
        this.startTime = startTime;
    }

    public static LocalStack start(StackSettings settings) {
        long started = System.nanoTime();
        // SLF4J initialised from several threads at once replays early calls with a warning; do it once here
        org.slf4j.LoggerFactory.getILoggerFactory();
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "local-stack-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Long> partMillis = new ConcurrentHashMap<>();
            CompletableFuture<LocalKafka> kafka = CompletableFuture.supplyAsync(
                    timed("Kafka", partMillis, kafka(settings)), executor);
            CompletableFuture<LocalPostgres> postgres = CompletableFuture.supplyAsync(
                    timed("PostgreSQL", partMillis, postgres(settings)), executor);
            CompletableFuture<LocalMail> mail = CompletableFuture.supplyAsync(
                    timed("mail", partMillis, () -> LocalMail.start(settings.smtpPort(), settings.imapPort())), executor);
            CompletableFuture<DevKeys> keys = CompletableFuture.supplyAsync(
                    timed("keys", partMillis, keys(settings)), executor);
            try {
                CompletableFuture.allOf(kafka, postgres, mail, keys).join();
            } catch (CompletionException e) {
                closeStarted(List.of(kafka, postgres, mail));
                throw asRuntime(e.getCause());
            }
            Duration startTime = Duration.ofNanos(System.nanoTime() - started);
            LocalStack stack = new LocalStack(kafka.join(), postgres.join(), mail.join(), keys.join(), startTime);
            LOG.log(Level.INFO, "local stack ready in {0} ms {1}: Kafka {2}, PostgreSQL {3}, SMTP {4}, IMAP {5}",
                    new Object[] {String.valueOf(startTime.toMillis()), partMillis, stack.kafkaBootstrapServers(),
                            stack.postgres.jdbcUrl(), String.valueOf(stack.mail.smtpPort()),
                            String.valueOf(stack.mail.imapPort())});
            return stack;
        } finally {
            executor.shutdown();
        }
    }

    /** Per-part times show which part to speed up; the parts run in parallel, so they do not add up. */
    private static <T> Supplier<T> timed(String part, Map<String, Long> partMillis, Supplier<T> start) {
        return () -> {
            long started = System.nanoTime();
            T value = start.get();
            partMillis.put(part, Duration.ofNanos(System.nanoTime() - started).toMillis());
            return value;
        };
    }

    private static Supplier<LocalKafka> kafka(StackSettings settings) {
        return settings.persistent()
                ? () -> LocalKafka.persistent(settings.kafkaDirectory(), settings.kafkaPort(), settings.kafkaControllerPort())
                : LocalKafka::ephemeral;
    }

    private static Supplier<LocalPostgres> postgres(StackSettings settings) {
        return settings.persistent()
                ? () -> LocalPostgres.persistent(settings.postgresDirectory(), settings.postgresPort())
                : LocalPostgres::ephemeral;
    }

    private static Supplier<DevKeys> keys(StackSettings settings) {
        return settings.persistent() ? () -> DevKeys.loadOrGenerate(settings.keysDirectory()) : DevKeys::generate;
    }

    private static void closeStarted(List<CompletableFuture<? extends AutoCloseable>> parts) {
        for (CompletableFuture<? extends AutoCloseable> part : parts) {
            try {
                AutoCloseable started = part.join();
                started.close();
            } catch (Exception ignored) {
                // this part failed to start or to stop; the first start failure is what gets reported
            }
        }
    }

    private static RuntimeException asRuntime(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** Exactly the keys of the team contract, which both services' %test and local profiles read. */
    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(KAFKA_BOOTSTRAP, kafka.bootstrapServers());
        config.put(REACTIVE_URL, postgres.reactiveUrl());
        config.put(JDBC_URL, postgres.jdbcUrl());
        config.put(DB_USER, LocalPostgres.USER);
        config.put(DB_PASSWORD, LocalPostgres.PASSWORD);
        config.put(MAILER_HOST, LocalMail.HOST);
        config.put(MAILER_PORT, String.valueOf(mail.smtpPort()));
        config.put(JWT_PUBLIC_KEY, keys.publicKeyBase64());
        config.put(JWT_ISSUER, DevTokens.ISSUER);
        config.put(IMAP_HOST, LocalMail.HOST);
        config.put(IMAP_PORT, String.valueOf(mail.imapPort()));
        config.put(JWT_PRIVATE_KEY, keys.privateKeyBase64());
        return Collections.unmodifiableMap(config);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalMail mail() {
        return mail;
    }

    public DevKeys keys() {
        return keys;
    }

    public Duration startTime() {
        return startTime;
    }

    /** Stops every part even when one of them fails to stop, so nothing is left running. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (AutoCloseable part : List.<AutoCloseable>of(mail, kafka, postgres)) {
            try {
                part.close();
            } catch (Exception e) {
                failures.add(asRuntime(e));
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }
}

package health.courses.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import health.courses.localstack.DevTokens;
import health.courses.localstack.FreePorts;
import health.courses.localstack.LocalMail;
import health.courses.localstack.LocalStack;
import health.courses.localstack.Mailbox;
import health.courses.localstack.ReceivedMail;
import health.courses.localstack.ServiceProcess;
import health.courses.localstack.ServiceSpec;
import health.courses.localstack.StackSettings;

/**
 * The local stack with one or more notification-service processes on the same database and topic, for the
 * reminder scale and crash proofs. Events are produced straight onto the topic, shaped as scheduling-service
 * publishes them, so no scheduling-service is needed. Separate from {@link SystemUnderTest} (its own stack), so
 * these tests can start, stop and kill instances freely.
 */
final class ReminderFleet implements AutoCloseable {

    static final String TOPIC = "treatment-course-events";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");
    /**
     * A short lease so a killed instance's claims are taken over within half a minute, not the production two
     * minutes. It must exceed twice the send timeout; what is left (20 s) is how long a claimed batch may take to
     * start its sends before the rest is handed back.
     */
    private static final Map<String, String> DISPATCH = Map.of(
            "courses.notification.dispatch.lease", "30s",
            "courses.notification.dispatch.send-timeout", "5s");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalStack stack;
    private final List<ServiceProcess> instances;
    private final KafkaProducer<String, byte[]> producer;

    private ReminderFleet(LocalStack stack, List<ServiceProcess> instances) {
        this.stack = stack;
        this.instances = instances;
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    static ReminderFleet start(int count) {
        LocalStack stack = LocalStack.start(StackSettings.ephemeral());
        List<ServiceProcess> instances = new ArrayList<>();
        try {
            createTopic(stack.kafkaBootstrapServers());
            Map<String, String> config = new HashMap<>(stack.config());
            // Services verify tokens; only tests mint them.
            config.remove(LocalStack.JWT_PRIVATE_KEY);
            config.putAll(DISPATCH);
            Path root = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
            Path logs = Path.of(System.getProperty("system.logs", "target/system-logs"));
            for (int i = 0; i < count; i++) {
                instances.add(ServiceProcess.start(new ServiceSpec("notification-" + i,
                        ServiceSpec.jarOf(root, "notification-service"), FreePorts.pick(), config, JVM_OPTIONS,
                        logs.resolve("reminders-notification-" + i + ".log"))));
            }
            CompletableFuture.allOf(instances.stream()
                    .map(instance -> CompletableFuture.runAsync(() -> instance.awaitReady(READY_TIMEOUT)))
                    .toArray(CompletableFuture[]::new)).join();
            return new ReminderFleet(stack, instances);
        } catch (RuntimeException e) {
            instances.forEach(ServiceProcess::stop);
            stack.close();
            throw e;
        }
    }

    /** The producer's job in production (scheduling-service creates it); 6 partitions as the contract says. */
    private static void createTopic(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
    }

    ServiceProcess instance(int index) {
        return instances.get(index);
    }

    /** Starts the instance again with the same spec (same port, same log file) and waits until it is ready. */
    ServiceProcess restart(int index) {
        ServiceProcess old = instances.get(index);
        old.stop();
        ServiceProcess restarted = ServiceProcess.start(old.spec()).awaitReady(READY_TIMEOUT);
        instances.set(index, restarted);
        return restarted;
    }

    String token(UUID clinicId, String role) {
        return DevTokens.mint(stack.keys().privateKeyBase64(), clinicId.toString(), "reminder-test", Set.of(role));
    }

    /** PUT with a bearer token through the first instance; fails unless the answer is 2xx. */
    void put(UUID clinicId, String role, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instances.get(0).baseUrl() + path))
                .header("Authorization", "Bearer " + token(clinicId, role))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("PUT " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and waits for the broker's acknowledgement of every record. */
    void publish(List<ProducerRecord<String, byte[]>> records) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        records.forEach(record -> sent.add(producer.send(record)));
        producer.flush();
        for (var future : sent) {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("publishing failed", e);
            }
        }
    }

    /** A session.scheduled.v1 record with the CloudEvents headers of the team contract. */
    static ProducerRecord<String, byte[]> sessionScheduled(UUID clinicId, UUID courseId, UUID sessionId, UUID patientId,
            java.time.OffsetDateTime start) {
        String data = """
                {"clinicId":"%s","courseId":"%s","sessionId":"%s","patientId":"%s","practitionerId":"%s",
                 "roomId":"%s","number":1,"start":"%s","end":"%s","zone":"Europe/Berlin","sequence":0,
                 "status":"scheduled","version":1}""".formatted(clinicId, courseId, sessionId, patientId,
                UUID.randomUUID(), UUID.randomUUID(), start, start.plusMinutes(30));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, courseId.toString(),
                data.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", "session.scheduled.v1");
        header(record, "ce_source", "/scheduling-service");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", sessionId.toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    List<ReceivedMail> mailbox(String address) {
        return Mailbox.read(LocalMail.HOST, stack.mail().imapPort(), address);
    }

    /** Rows of the notification schema as column-name maps. */
    List<Map<String, Object>> query(String sql, Object... parameters) {
        return NotificationRows.query(stack.postgres().jdbcUrl(), sql, parameters);
    }

    long count(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        instances.forEach(ServiceProcess::stop);
        stack.close();
    }
}

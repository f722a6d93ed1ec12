package health.courses.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event consumption: a backlog of session.scheduled.v1 events (shaped as scheduling-service publishes them, one
 * course each, sessions ten days out so no reminder falls due) is produced while notification-service is stopped,
 * then it starts and works through it (the drain row's baseline runs in that same window). Its rate is events over the span from its first to its last inbox row. The
 * baseline is a raw consumer reading the same records of the same topic, over the span from its first to its last.
 */
final class ConsumptionRow {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumptionRow.class);
    static final String TOPIC = "treatment-course-events";

    private final Stack stack;
    private final Settings settings;
    private final Report report;

    ConsumptionRow(Stack stack, Settings settings, Report report) {
        this.stack = stack;
        this.settings = settings;
        this.report = report;
    }

    /** Work that needs notification-service stopped, done in the same window as the backlog build-up. */
    @FunctionalInterface
    interface WhileStopped {
        void run() throws Exception;
    }

    void run(WhileStopped whileStopped) throws Exception {
        int count = settings.events();
        BookingRows.awaitOutboxPublished(stack.db("scheduling"));
        LOG.info("consumption: stopping notification-service, producing {} events", count);
        stack.stopNotification();
        Map<TopicPartition, Long> before = endOffsets();
        UUID clinic = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.HOURS);
        UUID[] ids = produce(clinic, start, count);
        whileStopped.run();

        LOG.info("consumption: notification-service works through the backlog");
        stack.startNotification();
        Db db = stack.db("notification");
        String span = """
                select count(*) as n, min(received_at) as first, max(received_at) as last from inbox where event_id = any(?)""";
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Map<String, Object> seen = db.query(span, (Object) ids).get(0);
        while (((Number) seen.get("n")).longValue() < count && System.nanoTime() < deadline) {
            BookingRows.pause(Duration.ofMillis(500));
            seen = db.query(span, (Object) ids).get(0);
        }
        long consumed = ((Number) seen.get("n")).longValue();
        Duration serviceSpan = Duration.between(((Timestamp) seen.get("first")).toInstant(),
                ((Timestamp) seen.get("last")).toInstant());
        double serviceRate = consumed / Math.max(0.001, serviceSpan.toNanos() / 1e9);

        LOG.info("consumption: raw consumer reads the same records");
        Duration rawSpan = rawRead(before, count);
        double rawRate = count / Math.max(0.001, rawSpan.toNanos() / 1e9);
        report.add(new Row("event consumption rate (session.scheduled.v1, each planning reminders)",
                Row.perSecond(serviceRate), Row.perSecond(rawRate) + " (raw KafkaConsumer, no processing)",
                serviceRate / rawRate, "≥ 0.05 of the baseline", consumed == count && serviceRate / rawRate >= 0.05,
                "%d events backlogged while the service was stopped; first to last inbox row %d ms, raw first to last record %d ms%s"
                        .formatted(count, serviceSpan.toMillis(), rawSpan.toMillis(),
                                consumed == count ? "" : "; **only %d consumed within 5 min**".formatted(consumed)),
                Map.of("events", count, "consumed", consumed, "serviceRate", serviceRate, "rawRate", rawRate,
                        "serviceSpanMs", serviceSpan.toMillis(), "rawSpanMs", rawSpan.toMillis())));
    }

    private UUID[] produce(UUID clinic, OffsetDateTime start, int count) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        UUID[] ids = new UUID[count];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids[i] = UUID.randomUUID();
                sent.add(producer.send(sessionScheduled(ids[i], clinic, UUID.randomUUID(), UUID.randomUUID(),
                        UUID.randomUUID(), start.plusMinutes(i % 600))));
            }
            producer.flush();
            for (Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("producing the backlog failed", e);
        }
        return ids;
    }

    /** A session.scheduled.v1 record with the CloudEvents headers of the team contract. */
    static ProducerRecord<String, byte[]> sessionScheduled(UUID eventId, UUID clinicId, UUID courseId, UUID sessionId,
            UUID patientId, OffsetDateTime start) {
        String data = """
                {"clinicId":"%s","courseId":"%s","sessionId":"%s","patientId":"%s","practitionerId":"%s",
                 "roomId":"%s","number":1,"start":"%s","end":"%s","zone":"Europe/Berlin","sequence":0,
                 "status":"scheduled","version":1}""".formatted(clinicId, courseId, sessionId, patientId,
                UUID.randomUUID(), UUID.randomUUID(), start, start.plusMinutes(30));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, courseId.toString(),
                data.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId.toString());
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

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(TOPIC, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(TOPIC, partition.partition()));
            }
            return consumer.endOffsets(partitions, Duration.ofSeconds(30));
        }
    }

    /** Reads from the offsets before the backlog until it has seen all of it; span from first to last record. */
    private Duration rawRead(Map<TopicPartition, Long> from, int count) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long seen = 0;
            long first = 0;
            long last = 0;
            Set<Integer> unused = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (seen < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (seen == 0) {
                        first = System.nanoTime();
                    }
                    // touch what a consumer must: the key, the type header and the payload bytes
                    unused.add(record.key().length() + record.headers().lastHeader("ce_type").value().length
                            + record.value().length);
                    seen++;
                    last = System.nanoTime();
                }
            }
            if (seen < count) {
                throw new IllegalStateException("the raw consumer saw " + seen + " of " + count + " records");
            }
            return Duration.ofNanos(last - first);
        }
    }
}

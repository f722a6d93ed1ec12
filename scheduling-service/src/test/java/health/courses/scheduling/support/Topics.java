package health.courses.scheduling.support;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads and writes the test broker's topics, from the beginning and in a group of its own. */
public final class Topics {

    private Topics() {
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** Waits until {@code expected} matching records are there, then keeps reading for {@code settle} to catch extras. */
    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> wanted,
            int expected, Duration settle) {
        KafkaCompanion kafka = companion();
        try (ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Set.of(topic), records -> records.select().where(wanted::test))) {
            await().atMost(Duration.ofMinutes(1)).until(() -> task.count() >= expected);
            if (!settle.isZero()) {
                // extras would be duplicates arriving late: keep the consumer reading for the settle time
                await().during(settle).atMost(settle.plusSeconds(10)).until(() -> task.count() >= expected);
            }
            return task.getRecords();
        } finally {
            kafka.close();
        }
    }

    public static void send(ProducerRecord<String, String> record) {
        KafkaCompanion kafka = companion();
        try {
            kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(30));
        } finally {
            kafka.close();
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

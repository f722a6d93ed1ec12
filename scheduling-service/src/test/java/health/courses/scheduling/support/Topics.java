package health.courses.scheduling.support;

import static org.awaitility.Awaitility.await;

import health.courses.localstack.TopicTap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads and writes the test broker's topics, from the beginning and in a group of its own. */
public final class Topics {

    private Topics() {
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Waits until {@code expected} matching records are there, then keeps reading for {@code settle} to catch extras. */
    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> wanted,
            int expected, Duration settle) {
        try (TopicTap<String> tap = TopicTap.strings(bootstrapServers(), topic, wanted)) {
            await().atMost(Duration.ofMinutes(1)).until(() -> tap.count() >= expected);
            if (!settle.isZero()) {
                // extras would be duplicates arriving late: keep the consumer reading for the settle time
                await().during(settle).atMost(settle.plusSeconds(10)).until(() -> tap.count() >= expected);
            }
            return tap.records();
        }
    }

    public static void send(ProducerRecord<String, String> record) {
        health.courses.localstack.Topics.sendStrings(bootstrapServers(), record);
    }

    public static Map<String, TopicDescription> describe(String... topics) {
        return health.courses.localstack.Topics.describe(bootstrapServers(), topics);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return health.courses.localstack.Topics.header(record.headers(), name);
    }
}

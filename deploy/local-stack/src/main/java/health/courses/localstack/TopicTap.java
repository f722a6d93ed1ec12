package health.courses.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A test's view of one topic: a plain Kafka consumer in a group of its own, reading from the earliest offset on a
 * thread of its own, keeping every record {@code wanted} lets through. Tests poll it with Awaitility.
 */
public final class TopicTap<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final Predicate<ConsumerRecord<String, V>> wanted;
    private final List<ConsumerRecord<String, V>> records = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;

    private TopicTap(String bootstrapServers, String topic, Deserializer<V> values,
            Predicate<ConsumerRecord<String, V>> wanted) {
        this.wanted = wanted;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-tap-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
        this.reader = new Thread(this::read, "topic-tap-" + topic);
        reader.setDaemon(true);
        reader.start();
    }

    public static TopicTap<String> strings(String bootstrapServers, String topic) {
        return strings(bootstrapServers, topic, record -> true);
    }

    public static TopicTap<String> strings(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> wanted) {
        return new TopicTap<>(bootstrapServers, topic, new StringDeserializer(), wanted);
    }

    public static TopicTap<byte[]> bytes(String bootstrapServers, String topic) {
        return new TopicTap<>(bootstrapServers, topic, new ByteArrayDeserializer(), record -> true);
    }

    private void read() {
        try {
            while (open) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        records.add(record);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll up: nothing more to read
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The records kept so far, in the order read. */
    public List<ConsumerRecord<String, V>> records() {
        return List.copyOf(records);
    }

    public Stream<ConsumerRecord<String, V>> stream() {
        return records().stream();
    }

    public int count() {
        return records.size();
    }

    @Override
    public void close() {
        open = false;
        consumer.wakeup();
        try {
            reader.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

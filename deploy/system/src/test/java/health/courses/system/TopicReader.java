package health.courses.system;

import static org.awaitility.Awaitility.await;

import org.awaitility.core.ConditionTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with a plain consumer and no group, so the test sees exactly what was published
 * and takes no part in the services' consumer groups.
 */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private boolean assigned;

    TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // the producer creates its topic with the partition count it wants; a reader must not create it first
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
    }

    /** The first record matching {@code wanted} within {@code timeout}. */
    Optional<ConsumerRecord<String, String>> find(Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!assigned) {
            try {
                // the topic appears when its producer starts; until then there is nothing to assign
                await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(this::assign);
            } catch (ConditionTimeoutException noTopic) {
                return Optional.empty();
            }
        }
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                if (wanted.test(record)) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }

    /** Every record matching {@code wanted}, reading up to the end the topic had when asked (within {@code timeout}). */
    List<ConsumerRecord<String, String>> readAll(Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        if (!assigned) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(this::assign);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && end.entrySet().stream().anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                if (wanted.test(record)) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    private boolean assign() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> all = partitions.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(all);
        consumer.seekToBeginning(all);
        assigned = true;
        return true;
    }

    static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}

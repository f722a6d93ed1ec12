package health.courses.notification.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Identifier;

/**
 * Reads the dead-letter topic for operators with a plain consumer that joins no group and commits nothing, so looking
 * never changes what anyone else sees. Blocking: callers run it on a worker thread. A clinic's operator sees the
 * records that name its clinic ({@code clinicId} in the data) and those that name none (unreadable records).
 */
@ApplicationScoped
class DeadLetters {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private final Map<String, Object> kafka;
    private final String topic;
    private final ObjectMapper json;

    DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.incoming.course-events.dead-letter-queue.topic") String topic,
            ObjectMapper json) {
        this.kafka = kafka;
        this.topic = topic;
        this.json = json;
    }

    String topic() {
        return topic;
    }

    /** The newest {@code limit} records the clinic may see, newest first. */
    List<DeadLetter> newest(UUID clinic, int limit) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<DeadLetter> found = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                // Records of other clinics are skipped, so read a generous window back, not just the last N.
                long from = Math.max(begin.get(partition), end.get(partition) - 10L * limit);
                found.addAll(read(consumer, partition, from, end.get(partition)));
            }
            return found.stream()
                    .filter(letter -> visibleTo(letter, clinic))
                    .sorted(Comparator.comparing(DeadLetter::deadLetteredAt).reversed()
                            .thenComparing(Comparator.comparingLong(DeadLetter::offset).reversed()))
                    .limit(limit)
                    .toList();
        }
    }

    /** Empty when there is no such record or it belongs to another clinic: both answer 404. */
    Optional<DeadLetter> find(UUID clinic, DeadLetterId id) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(topic, id.partition());
            if (!partitions(consumer).contains(partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (id.offset() < begin || id.offset() >= end) {
                return Optional.empty();
            }
            return read(consumer, partition, id.offset(), id.offset() + 1).stream()
                    .filter(letter -> letter.offset() == id.offset())
                    .filter(letter -> visibleTo(letter, clinic))
                    .findFirst();
        }
    }

    /** The clinic named in the record's data, if the data is JSON and names one. */
    Optional<UUID> clinicOf(DeadLetter letter) {
        return data(letter).map(data -> data.path("clinicId"))
                .filter(JsonNode::isTextual)
                .flatMap(clinicId -> DeadLetter.uuid(clinicId.asText()));
    }

    Optional<JsonNode> data(DeadLetter letter) {
        if (letter.value() == null || letter.value().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(letter.value()));
        } catch (java.io.IOException notJson) {
            return Optional.empty();
        }
    }

    private boolean visibleTo(DeadLetter letter, UUID clinic) {
        return clinicOf(letter).map(clinic::equals).orElse(true);
    }

    private List<DeadLetter> read(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long from, long to) {
        List<DeadLetter> records = new ArrayList<>();
        if (from >= to) {
            return records;
        }
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (consumer.position(partition) < to && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL).records(partition)) {
                if (record.offset() < to) {
                    records.add(DeadLetter.of(record));
                }
            }
        }
        return records;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = KafkaClients.only(kafka, ConsumerConfig.configNames(), "notification-service-dead-letter-reader");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}

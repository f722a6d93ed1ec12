package health.courses.system;

import static org.awaitility.Awaitility.await;

import org.awaitility.core.ConditionTimeoutException;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on treatment-course-events, read from the beginning of every partition without a consumer group, and
 * the checks the outbox promises: every confirmed booking has all its events, after dedup by ce_id each exactly
 * once, in order within its course.
 */
final class CourseEventLog implements AutoCloseable {

    static final String TOPIC = "treatment-course-events";

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    private boolean assigned;

    CourseEventLog(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Reads until every partition's end offset as of now, so the log holds all that was on the topic. */
    List<ConsumerRecord<String, String>> readToEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!assigned && System.nanoTime() < deadline) {
            assign();
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
        while (System.nanoTime() < deadline && ends.entrySet().stream()
                .anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    /** Problems of the confirmed bookings' events; empty when all is there exactly once and in order. */
    List<String> problems(List<ClinicApi.Booked> bookings) {
        Map<String, List<ConsumerRecord<String, String>>> byCourse = new HashMap<>();
        Map<String, ConsumerRecord<String, String>> firstById = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String id = TopicReader.header(record, "ce_id").orElse("");
            // the first delivery is the one a consumer acts on; later copies are what dedup by ce_id drops
            if (firstById.putIfAbsent(id, record) == null) {
                byCourse.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record);
            }
        }
        List<String> problems = new ArrayList<>();
        for (ClinicApi.Booked booking : bookings) {
            List<ConsumerRecord<String, String>> events = byCourse.getOrDefault(booking.courseId(), List.of());
            List<String> expected = new ArrayList<>();
            expected.add("course.scheduled.v1 " + booking.courseId());
            for (int i = 0; i < booking.sessionIds().size(); i++) {
                expected.add("session.scheduled.v1 " + booking.sessionIds().get(i) + " #" + (i + 1));
            }
            List<String> actual = events.stream().map(CourseEventLog::describe).toList();
            if (!expected.equals(actual)) {
                problems.add("course " + booking.courseId() + ": expected " + expected.size() + " events in order, found "
                        + actual.size() + ": " + actual);
            }
        }
        return problems;
    }

    /** One course's events as read so far, deduplicated by ce_id, in topic order: "type subject[ #number]". */
    List<String> events(String courseId) {
        Map<String, String> firstById = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (courseId.equals(record.key())) {
                firstById.putIfAbsent(TopicReader.header(record, "ce_id").orElse(""), describe(record));
            }
        }
        return List.copyOf(firstById.values());
    }

    /** The distinct ce_ids of one course's records read so far. */
    List<String> eventIds(String courseId) {
        return records.stream().filter(record -> courseId.equals(record.key()))
                .map(record -> TopicReader.header(record, "ce_id").orElse("")).distinct().toList();
    }

    /** Records whose ce_id was seen before: the at-least-once redeliveries after a crash or an outage. */
    long duplicates() {
        return records.size() - records.stream().map(record -> TopicReader.header(record, "ce_id").orElse(""))
                .distinct().count();
    }

    private static String describe(ConsumerRecord<String, String> record) {
        String type = TopicReader.header(record, "ce_type").orElse("?");
        String subject = TopicReader.header(record, "ce_subject").orElse("?");
        if (type.startsWith("session.")) {
            return type + " " + subject + " #" + JsonPath.from(record.value()).getInt("number");
        }
        return type + " " + subject;
    }

    private void assign() {
        List<PartitionInfo> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(2));
        if (partitions == null || partitions.isEmpty()) {
            return;
        }
        List<TopicPartition> all = partitions.stream().map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        consumer.assign(all);
        consumer.seekToBeginning(all);
        assigned = true;
    }

    /**
     * Reads on until the bookings' events are all there (or the timeout), reading the topic again from where it
     * stopped; returns the problems left.
     */
    List<String> awaitComplete(List<ClinicApi.Booked> bookings, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                readToEnd(Duration.ofSeconds(20));
                return problems(bookings).isEmpty();
            });
        } catch (ConditionTimeoutException stillIncomplete) {
            // the caller reports what is still missing
        }
        return problems(bookings);
    }

    int size() {
        return records.size();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}

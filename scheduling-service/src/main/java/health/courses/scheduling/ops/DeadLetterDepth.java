package health.courses.scheduling.ops;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * {@code courses_dead_letter_records{topic}}: how many records our dead-letter topic holds (end minus start offsets
 * of its partitions). Read from the broker, so it survives restarts and every replica reports the same figure; a rise
 * is what the dead-letter alert watches.
 */
@Startup
@ApplicationScoped
public class DeadLetterDepth {

    private static final Logger LOG = Logger.getLogger(DeadLetterDepth.class);

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(1);

    private final Map<String, Object> kafka;
    private final String topic;
    private final AtomicLong records = new AtomicLong();
    private Admin admin;

    DeadLetterDepth(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.incoming.checkin-events.dead-letter-queue.topic") String topic,
            MeterRegistry registry) {
        this.kafka = kafka;
        this.topic = topic;
        Gauge.builder("courses.dead.letter.records", records, AtomicLong::get)
                .description("Records held by the dead-letter topic")
                .tag("topic", topic)
                .register(registry);
    }

    @Scheduled(every = "${courses.ops.dead-letters.refresh:30s}", delay = 2, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Admin client = admin();
            var description = client.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(partition -> {
                earliest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
            });
            long start = client.listOffsets(earliest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
            long end = client.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
            records.set(end - start);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception unavailable) {
            // The topic may not exist yet, or the broker is away (readiness says so): keep the last figure.
            LOG.debugf("Cannot read the size of %s: %s", topic, unavailable.toString());
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Set<String> known = AdminClientConfig.configNames();
            Map<String, Object> config = new HashMap<>();
            kafka.forEach((key, value) -> {
                if (known.contains(key)) {
                    config.put(key, value);
                }
            });
            config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "scheduling-service-dead-letter-depth");
            admin = Admin.create(config);
        }
        return admin;
    }

    /**
     * Without a timeout, Admin.close waits for its pending calls to time out (60 s against a broker that is not there):
     * that kept a refused prod start (and any stop while the broker is away) alive for most of a minute. A depth read
     * still in flight is worth nothing once the service stops.
     */
    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(CLOSE_WITHIN);
        }
    }
}

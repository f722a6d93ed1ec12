package health.courses.notification.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;

/**
 * Creates our dead-letter topic when it is missing. The consumer owns its {@code .dlq}; the main topic is the
 * producer's to create. Off in production, where the cluster operator (Strimzi) manages topics.
 */
@ApplicationScoped
public class DeadLetterTopic {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopic.class);

    void create(@Observes StartupEvent startup, TopicConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.incoming.course-events.dead-letter-queue.topic") String topic)
            throws InterruptedException {
        if (!config.createTopics()) {
            return;
        }
        NewTopic deadLetters = new NewTopic(topic, config.deadLetterTopic().partitions(),
                config.deadLetterTopic().replicationFactor());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(deadLetters)).all().get(30, TimeUnit.SECONDS);
            LOG.infof("Created topic %s", topic);
        } catch (ExecutionException failure) {
            if (!(failure.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + topic + " at " + bootstrapServers, failure.getCause());
            }
        } catch (TimeoutException slow) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer while creating " + topic, slow);
        }
    }

    @ConfigMapping(prefix = "courses.kafka")
    public interface TopicConfig {

        /** True in dev, test and local; production topics are declared to the cluster operator instead. */
        boolean createTopics();

        DeadLetterTopicConfig deadLetterTopic();

        interface DeadLetterTopicConfig {
            int partitions();

            short replicationFactor();
        }
    }
}

package health.courses.notification.outbox;

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

import health.courses.notification.events.DeadLetterTopic;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates patient-checkin-events (6 partitions, like treatment-course-events) when missing, before the relay's
 * first send: the producer owns its topic; scheduling-service creates it too if it starts first. Off in
 * production, where the cluster operator manages topics.
 */
@ApplicationScoped
class CheckInEventsTopic {

    private static final Logger LOG = Logger.getLogger(CheckInEventsTopic.class);

    void create(@Observes StartupEvent startup, DeadLetterTopic.TopicConfig topics, OutboxConfig config,
            OutboxRelay relay, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.outgoing.checkin-events.topic") String topic)
            throws InterruptedException {
        if (topics.createTopics()) {
            NewTopic checkInEvents = new NewTopic(topic, config.topicPartitions(),
                    topics.deadLetterTopic().replicationFactor());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                admin.createTopics(List.of(checkInEvents)).all().get(30, TimeUnit.SECONDS);
                LOG.infof("Created topic %s", topic);
            } catch (ExecutionException failure) {
                if (!(failure.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topic " + topic, failure.getCause());
                }
            } catch (TimeoutException slow) {
                throw new IllegalStateException("Kafka did not answer while creating " + topic, slow);
            }
        }
        relay.start();
    }
}

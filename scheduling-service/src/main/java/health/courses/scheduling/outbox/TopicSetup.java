package health.courses.scheduling.outbox;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics this service uses, with their partition counts, before the relay's first send: otherwise the
 * broker would auto-create them with its defaults. That is the topic it produces to, its consumer's dead-letter
 * topic, and the consumed patient-checkin-events when absent (its producer, notification-service, may start later).
 * Runs off the startup thread so a slow broker does not delay the HTTP API; the relay waits for it.
 */
@ApplicationScoped
class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final KafkaTopicsConfig config;
    private final Map<String, Object> kafka;
    private final String courseEventsTopic;
    private final String checkinEventsTopic;
    private final String checkinDeadLetterTopic;
    private final OutboxRelay relay;

    TopicSetup(KafkaTopicsConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.outgoing.course-events.topic") String courseEventsTopic,
            @ConfigProperty(name = "mp.messaging.incoming.checkin-events.topic") String checkinEventsTopic,
            @ConfigProperty(name = "mp.messaging.incoming.checkin-events.dead-letter-queue.topic")
            String checkinDeadLetterTopic,
            OutboxRelay relay) {
        this.config = config;
        this.kafka = kafka;
        this.courseEventsTopic = courseEventsTopic;
        this.checkinEventsTopic = checkinEventsTopic;
        this.checkinDeadLetterTopic = checkinDeadLetterTopic;
        this.relay = relay;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.createTopics()) {
            relay.start();
            return;
        }
        Uni.createFrom().item(this::createTopics)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(created -> relay.start(), failure -> {
                    LOG.warnf("Could not create topics (%s); publishing anyway", failure.toString());
                    relay.start();
                });
    }

    List<NewTopic> topics() {
        return List.of(
                new NewTopic(courseEventsTopic, config.courseEventsPartitions(), config.replicationFactor()),
                new NewTopic(checkinEventsTopic, config.checkinEventsPartitions(), config.replicationFactor()),
                new NewTopic(checkinDeadLetterTopic, config.deadLetterPartitions(), config.replicationFactor()));
    }

    private boolean createTopics() {
        try (Admin admin = Admin.create(adminConfig())) {
            Set<String> existing = admin.listTopics().names().get(config.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics().stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (missing.isEmpty()) {
                return false;
            }
            try {
                admin.createTopics(missing).all().get(config.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);
                LOG.infof("Created topics %s", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                // Another replica created it between our list and create: that is the outcome we wanted.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only the admin client's own keys of the shared kafka.* configuration (security settings included). */
    private Map<String, Object> adminConfig() {
        Set<String> known = AdminClientConfig.configNames();
        Map<String, Object> admin = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (known.contains(key)) {
                admin.put(key, value);
            }
        });
        admin.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "scheduling-service-topic-setup");
        return admin;
    }
}

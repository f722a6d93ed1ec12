package health.courses.scheduling.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Topic creation at startup: on in dev, test and the local run; off in production, where Strimzi owns topics. */
@ConfigMapping(prefix = "courses.kafka")
public interface KafkaTopicsConfig {

    @WithDefault("true")
    boolean createTopics();

    /** 1 for the single-broker local stack. */
    @WithDefault("1")
    short replicationFactor();

    /** Partitions of treatment-course-events; the key (course id) keeps a course's events in one partition. */
    @WithName("course-events.partitions")
    @WithDefault("6")
    int courseEventsPartitions();

    /**
     * Partitions of patient-checkin-events. notification-service produces it and normally creates it; this service
     * creates it too when absent (tests, a local run where it starts first), with the same count.
     */
    @WithName("checkin-events.partitions")
    @WithDefault("6")
    int checkinEventsPartitions();

    /** The dead-letter topic of this service's consumer: rare, inspected by hand, one partition is enough. */
    @WithName("dead-letter.partitions")
    @WithDefault("1")
    int deadLetterPartitions();

    @WithDefault("30s")
    Duration adminTimeout();
}

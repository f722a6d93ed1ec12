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

    @WithDefault("30s")
    Duration adminTimeout();
}

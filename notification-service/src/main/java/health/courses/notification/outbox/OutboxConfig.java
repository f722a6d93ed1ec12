package health.courses.notification.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "courses.notification.outbox")
interface OutboxConfig {

    /** The fallback poll; commits that append an event wake the relay at once. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Courses claimed per round; each course's rows go out in order, different courses in parallel. */
    @WithDefault("20")
    int coursesPerRound();

    @WithDefault("10s")
    Duration sendTimeout();

    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("1m")
    Duration maxBackoff();

    /** Published rows are kept this long (for operators), then deleted. */
    @WithDefault("7d")
    Duration retention();

    /** Partitions of patient-checkin-events when this service creates it (as treatment-course-events). */
    @WithDefault("6")
    int topicPartitions();
}

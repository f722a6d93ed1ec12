package health.courses.scheduling.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "courses.outbox")
public interface OutboxConfig {

    /** Off only for tools that must not publish (the relay then leaves rows pending). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Fallback wake-up when a NOTIFY was missed (listener reconnecting) and for rows whose backoff ran out. NOTIFY
     * is the fast path; 1 s is also the shortest period the Quarkus scheduler supports.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Courses claimed per round; all their pending rows are sent back to back, in order per course. */
    @WithDefault("32")
    int coursesPerClaim();

    /**
     * How long a claimed course belongs to this relay. Longer than {@link #sendTimeout()}, so a live relay records its
     * round before another may take the course over; short enough that a killed relay's courses move on promptly. A
     * takeover may publish a row twice (consumers dedupe), never out of order.
     */
    @WithDefault("35s")
    Duration lease();

    /** Longest wait for the broker's ack before the send counts as failed and the row is retried. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** First retry delay after a failed send; doubles per attempt up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("60s")
    Duration maxBackoff();

    /** Published rows are kept this long (for audits and replays), then deleted. */
    @WithDefault("P7D")
    Duration retention();

    @WithDefault("1h")
    Duration purgeInterval();

    /** Readiness turns DOWN while the oldest unpublished event is older than this ({@link OutboxReadiness}). */
    @WithDefault("5m")
    Duration readyMaxAge();

    /** PostgreSQL channel the insert trigger notifies (see V1 migration). */
    @WithDefault("scheduling_outbox")
    String channel();
}

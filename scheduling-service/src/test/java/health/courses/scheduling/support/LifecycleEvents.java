package health.courses.scheduling.support;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The lifecycle events of one course as read from treatment-course-events (booking's events left out). */
public final class LifecycleEvents {

    public static final String TOPIC = "treatment-course-events";
    /** Long enough for a late duplicate or a stray extra event to arrive; short enough to keep the suite quick. */
    public static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Set<String> BOOKING = Set.of("course.scheduled.v1");

    private LifecycleEvents() {
    }

    /**
     * Waits for {@code expected} events of the course after its booking (its course.scheduled.v1 and the first
     * {@code bookedSessions} session.scheduled.v1 are skipped), then reads on for {@link #SETTLE} to catch extras.
     */
    public static List<ConsumerRecord<String, String>> after(UUID courseId, List<String> bookedSessionIds, int expected) {
        return Topics.read(TOPIC, record -> courseId.toString().equals(record.key())
                && !BOOKING.contains(type(record))
                && !("session.scheduled.v1".equals(type(record))
                        && bookedSessionIds.contains(Topics.header(record, "ce_subject"))), expected, SETTLE);
    }

    public static String type(ConsumerRecord<String, String> record) {
        return Topics.header(record, "ce_type");
    }

    public static JsonPath data(ConsumerRecord<String, String> record) {
        EventSchemas.assertValid(type(record), record.value());
        return JsonPath.from(record.value());
    }
}

package health.courses.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The outbox's promise under crashes: scheduling-service is SIGKILLed mid-flight under a steady booking
 * load and started again each time. Every booking answered 201 must end up on treatment-course-events with all of
 * its events, each exactly once after dedup by ce_id, and in order within its course.
 */
@SystemTest
class SchedulingCrashTest {

    private static final int KILLS = 4;
    private static final Duration DRAIN = Duration.ofSeconds(60);
    /** Confirmed bookings to wait for after each restart before the next kill, and for how long at most. */
    private static final int BOOKED_BETWEEN_KILLS = 3;
    private static final Duration BETWEEN_KILLS_WITHIN = Duration.ofSeconds(30);

    @Test
    @Timeout(180)
    void everyConfirmedBookingIsPublishedCompletelyAndInOrderDespiteSigkills(SystemUnderTest system) {
        String token = system.token(UUID.randomUUID().toString(), "booking", "clinician");
        List<ClinicApi.Booked> booked;
        BookingLoad load = BookingLoad.start(system::schedulingUrl, token, 2, Duration.ofMillis(150));
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                // Kill while the load is mid-flight, once the restarted service has confirmed a few more bookings:
                // a wall-clock pause would let a slow (shared, loaded) machine confirm nothing between kills.
                awaitMoreBookings(load, BOOKED_BETWEEN_KILLS);
                int before = load.booked().size();
                system.scheduling().kill();
                System.out.printf("crash test: SIGKILL %d of %d after %d confirmed bookings%n", kill, KILLS, before);
                system.restart(system.scheduling());
            }
            awaitMoreBookings(load, BOOKED_BETWEEN_KILLS);
        } finally {
            load.close();
            booked = load.booked();
        }

        long stopped = System.nanoTime();
        try (Outbox outbox = new Outbox(system.jdbcUrl())) {
            outbox.awaitEmpty(DRAIN);
        }
        long drained = Duration.ofNanos(System.nanoTime() - stopped).toMillis();
        try (CourseEventLog log = new CourseEventLog(system.kafkaBootstrapServers())) {
            List<String> problems = log.awaitComplete(booked, DRAIN);
            System.out.printf("crash test: %d kills, %d booking attempts, %d confirmed (201), %d cut off or refused; "
                    + "outbox empty %d ms after the load stopped; %d records on the topic, %d redelivered duplicates%n",
                    KILLS, load.attempts(), booked.size(), load.failures().size(), drained, log.size(),
                    log.duplicates());
            assertTrue(booked.size() >= (KILLS + 1) * BOOKED_BETWEEN_KILLS,
                    "the load must have booked something between kills: " + booked.size());
            assertEquals(List.of(), problems.stream().limit(5).toList(), problems.size() + " incomplete courses");
        }
    }

    private static void awaitMoreBookings(BookingLoad load, int more) {
        int target = load.booked().size() + more;
        await().atMost(BETWEEN_KILLS_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> load.booked().size() >= target);
    }
}

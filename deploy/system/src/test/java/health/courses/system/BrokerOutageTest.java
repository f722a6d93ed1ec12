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
 * Kafka down for 30 s: bookings are still accepted (they only need PostgreSQL; the events wait in the outbox), and
 * once the broker is back the backlog drains with nothing missing and nothing out of order.
 */
@SystemTest
class BrokerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration DRAIN = Duration.ofSeconds(90);

    @Test
    @Timeout(200)
    void bookingsAreAcceptedWhileTheBrokerIsDownAndTheirEventsFollowWhenItIsBack(SystemUnderTest system) {
        String token = system.token(UUID.randomUUID().toString(), "booking", "clinician");
        List<ClinicApi.Booked> booked;
        int duringOutage;
        long backlogAtRestart;
        Duration drained;
        BookingLoad load = BookingLoad.start(system::schedulingUrl, token, 1, Duration.ofMillis(300));
        try (Outbox outbox = new Outbox(system.jdbcUrl())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> load.booked().size() >= 5);
            int atStop = load.booked().size();
            system.stopKafka();
            try {
                // Throughout the outage the API keeps confirming bookings: PostgreSQL is all a booking needs.
                await().during(OUTAGE).atMost(OUTAGE.plusSeconds(5)).pollInterval(Duration.ofMillis(500))
                        .until(() -> load.failures().isEmpty());
            } finally {
                duringOutage = load.booked().size() - atStop;
                backlogAtRestart = outbox.pending();
                system.startKafka();
            }
            long back = System.nanoTime();
            int atRestart = load.booked().size();
            // A few more bookings after the broker is back, so old backlog and fresh events interleave.
            await().atMost(Duration.ofSeconds(30)).until(() -> load.booked().size() >= atRestart + 3);
            load.close();
            outbox.awaitEmpty(DRAIN);
            drained = Duration.ofNanos(System.nanoTime() - back);
        } finally {
            load.close();
            booked = load.booked();
        }

        try (CourseEventLog log = new CourseEventLog(system.kafkaBootstrapServers())) {
            List<String> problems = log.awaitComplete(booked, DRAIN);
            System.out.printf("broker outage test: %d s outage, %d bookings confirmed (%d while the broker was down), "
                    + "%d failed; %d outbox rows pending when the broker came back, none %d ms later (load "
                    + "running for 3 more bookings); %d redelivered duplicates on the topic%n", OUTAGE.toSeconds(),
                    booked.size(), duringOutage, load.failures().size(), backlogAtRestart, drained.toMillis(),
                    log.duplicates());
            assertEquals(List.of(), load.failures(), "the HTTP API must keep accepting bookings");
            assertTrue(duringOutage >= 10, "bookings during the outage: " + duringOutage);
            assertEquals(List.of(), problems.stream().limit(5).toList(), problems.size() + " incomplete courses");
        }
    }
}

package health.courses.system;

import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import health.courses.localstack.ReceivedMail;

/**
 * A SIGKILL in the middle of a burst of reminders due at one moment, sent by two notification-service instances on
 * one database and topic: after the restart every reminder is sent, and a repeat is only one whose claim was in
 * flight. (That two instances send each of many simultaneous reminders once, by mail and SMS, ReplicasTest shows.)
 */
class ReminderBurstTest {

    private static final int BURST = 100;
    /** The sessions start in ten minutes; this offset makes every reminder due 30 s from now, time to plan them all. */
    private static final String OFFSET = "PT9M30S";
    private static final Duration DRAIN = Duration.ofSeconds(120);

    private static ReminderFleet fleet;

    @BeforeAll
    static void start() {
        fleet = ReminderFleet.start(2);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void afterASigkillMidBurstEveryReminderIsSentAndAnyRepeatIsOneThatWasInFlight() {
        Burst burst = Burst.plan(fleet, BURST);
        burst.awaitSent(BURST / 4);
        fleet.instance(0).kill();
        long sentAtKill = burst.sent();
        // Otherwise the kill proved nothing about claims in flight.
        assertTrue(sentAtKill < BURST, "the instance was killed while reminders were still to be sent");
        fleet.restart(0);
        burst.awaitAllSent();

        List<ReceivedMail> mails = burst.mails();
        Map<String, Long> perMessageId = mails.stream()
                .collect(Collectors.groupingBy(ReceivedMail::messageId, Collectors.counting()));
        long duplicates = mails.size() - perMessageId.size();
        // Claims the killed instance held were taken over after their lease: a second 'sending' in the ledger.
        long reclaimed = fleet.count("""
                select count(*) from (select notification_id from notification_event e
                                        join notification n on n.id = e.notification_id
                                       where n.clinic_id = ? and e.status = 'sending'
                                       group by notification_id having count(*) > 1) r""", burst.clinic);
        System.out.printf("sigkill mid-burst: killed with %d of %d sent; %d claims taken over after the lease; "
                + "%d mails at the SMTP server, %d distinct, %d duplicates%n",
                sentAtKill, BURST, reclaimed, mails.size(), perMessageId.size(), duplicates);
        assertEquals(BURST, perMessageId.size(), "every reminder reached the SMTP server");
        assertTrue(duplicates <= reclaimed,
                "a repeat can only be a reminder whose attempt was in flight when the instance died");
    }

    /** One clinic, one patient, BURST sessions (each of its own course) starting at the same instant. */
    private static final class Burst {

        private final ReminderFleet fleet;
        private final UUID clinic = UUID.randomUUID();
        private final UUID patient = UUID.randomUUID();
        private final String address = "burst-" + patient + "@example.org";
        private final int size;

        private Burst(ReminderFleet fleet, int size) {
            this.fleet = fleet;
            this.size = size;
        }

        static Burst plan(ReminderFleet fleet, int size) {
            Burst burst = new Burst(fleet, size);
            // No quiet hours: the outcome must not depend on the time of day the test runs.
            fleet.put(burst.clinic, "clinician", "/api/v1/notification-settings", """
                    {"clinicName":"Burst clinic","reminderOffsets":["%s"],"quietHours":{"from":"00:00","to":"00:00"}}"""
                    .formatted(OFFSET));
            fleet.put(burst.clinic, "booking", "/api/v1/patients/" + burst.patient + "/contact",
                    "{\"email\":\"" + burst.address + "\"}");
            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10).truncatedTo(ChronoUnit.SECONDS);
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                records.add(ReminderFleet.sessionScheduled(burst.clinic, UUID.randomUUID(), UUID.randomUUID(),
                        burst.patient, start));
            }
            fleet.publish(records);
            Instant due = start.minus(Duration.parse(OFFSET)).toInstant();
            burst.await(() -> burst.count("planned") == size, Duration.between(Instant.now(), due));
            return burst;
        }

        long count(String status) {
            return fleet.count("select count(*) from notification where clinic_id = ? and status = ?", clinic, status);
        }

        long sent() {
            return count("sent");
        }

        void awaitSent(long atLeast) {
            await(() -> sent() >= atLeast, DRAIN);
        }

        void awaitAllSent() {
            await(() -> sent() == size, DRAIN);
        }

        List<ReceivedMail> mails() {
            return fleet.mailbox(address);
        }

        private static void await(java.util.function.BooleanSupplier condition, Duration timeout) {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
        }
    }

}

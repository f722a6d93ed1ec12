package health.courses.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.ReceivedMail;
import health.courses.localstack.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 19: two scheduling-services and two notification-services on one broker (treatment-course-events, 6
 * partitions) and one database. Clients book courses through both schedulers and cancel every fourth course's first
 * session through the other one; mid-load one replica of each service is SIGKILLed and started again. Then: every
 * course's events are on the topic exactly once (after dedup by ce_id) and in order, both relays having published at
 * once; every event reached notification-service's inbox (rebalances included, their pauses printed); the first
 * session's reminder went out once by SMS and at most once per lease take-over by mail (one Message-ID), and none for
 * a cancelled session.
 */
@SystemTest
class ReplicasTest {

    /** A Quarkus start on two cores shared with the rest of the build (seen: 100 s with the machine at load 45). */
    private static final Duration READY = Duration.ofSeconds(300);
    private static final int CLIENTS = 4;
    private static final Duration PAUSE = Duration.ofMillis(100);
    private static final int CANCEL_EVERY = 4;
    private static final int BOOKED_BEFORE_KILL = 6;
    /** Bookings the restarted scheduler must confirm before the reminder phase: it takes part again. */
    private static final int BOOKED_BY_THE_RESTARTED = 2;
    /**
     * Every course's first session starts next Monday at 10:00 (ClinicApi). Once the load through the kill is over and
     * notification-service has applied all of it, the clinic's one reminder offset is set so that the first session of
     * every course booked from then on has its reminders due this long after; that second load stops
     * {@link #PLANNING_TIME} before, so each is planned in time (one planned after its due moment would be skipped as
     * past due), with at least {@link #REMINDER_COURSES} courses booked in the phase.
     */
    private static final Duration REMINDERS_DUE_IN = Duration.ofSeconds(40);
    private static final Duration PLANNING_TIME = Duration.ofSeconds(20);
    private static final int REMINDER_COURSES = 8;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern SMS_SENT = Pattern.compile("SMS for notification ([0-9a-f-]{36}) accepted");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @Timeout(900)
    void twoReplicasOfEachServiceKeepEveryPromiseThroughAKillOfEach(SystemUnderTest system) throws Exception {
        long began = System.nanoTime();
        AtomicReference<ServiceProcess> schedulingB = new AtomicReference<>(
                system.startReplica(system.scheduling(), "replica-scheduling"));
        AtomicReference<ServiceProcess> notificationB = new AtomicReference<>(
                system.startReplica(system.notification(), "replica-notification"));
        try {
            CompletableFuture.allOf(ready(schedulingB.get()), ready(notificationB.get())).join();
            System.out.printf("replicas: second scheduling and notification ready in %d ms%n", since(began));
            run(system, schedulingB, notificationB);
        } finally {
            schedulingB.get().stop();
            notificationB.get().stop();
        }
    }

    private void run(SystemUnderTest system, AtomicReference<ServiceProcess> schedulingB,
            AtomicReference<ServiceProcess> notificationB) throws Exception {
        String clinic = UUID.randomUUID().toString();
        String token = system.token(clinic, "booking", "clinician");
        List<Supplier<String>> schedulers = List.of(system::schedulingUrl, () -> schedulingB.get().baseUrl());
        List<Supplier<String>> notifications = List.of(system::notificationUrl, () -> notificationB.get().baseUrl());
        List<ReplicaLoad.Course> courses;
        Map<String, Long> phases = new HashMap<>();
        try (ConsumerGroupWatch group = new ConsumerGroupWatch(system.kafkaBootstrapServers(), "notification-service")) {
            long loadStarted = System.nanoTime();
            ReplicaLoad load = ReplicaLoad.start(schedulers, notifications, token, CLIENTS, PAUSE, CANCEL_EVERY);
            try {
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                        .until(() -> load.booked() >= BOOKED_BEFORE_KILL);
                phases.put("kill", group.nowMs());
                schedulingB.get().kill();
                notificationB.get().kill();
                int bookedByBBefore = load.bookedVia(1);
                System.out.printf("replicas: SIGKILL scheduling and notification replica after %d bookings%n",
                        load.booked());
                schedulingB.set(ServiceProcess.start(schedulingB.get().spec()));
                notificationB.set(ServiceProcess.start(notificationB.get().spec()));
                CompletableFuture.allOf(ready(schedulingB.get()), ready(notificationB.get())).join();
                phases.put("restarted", group.nowMs());
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                        .until(() -> load.bookedVia(1) >= bookedByBBefore + BOOKED_BY_THE_RESTARTED);
            } finally {
                load.close();
                courses = load.courses();
                report("load through the kill", load, loadStarted);
            }
            checkTopicAndInbox(system, courses);
            System.out.printf("replicas: consumer group notification-service: kill at %d ms, restarted replica ready "
                    + "at %d ms; rebalance pauses (not Stable) %s ms; changes: %s%n", phases.get("kill"),
                    phases.get("restarted"), group.rebalancePauses(), group.describe());
        }

        // The reminder phase, with notification-service caught up (every event above is in its inbox): the first
        // session of every course booked from now on has its reminders due at one moment, soon.
        Instant due = Instant.now().plus(REMINDERS_DUE_IN).truncatedTo(ChronoUnit.SECONDS);
        Instant firstSession = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .atTime(LocalTime.of(10, 0)).atZone(BERLIN).toInstant();
        put(system.notificationUrl() + "/api/v1/notification-settings", system.token(clinic, "clinician"), """
                {"clinicName":"Replica clinic","reminderOffsets":["%s"],"quietHours":{"from":"00:00","to":"00:00"}}"""
                .formatted(Duration.between(due, firstSession)));
        long remindersStarted = System.nanoTime();
        ReplicaLoad reminderLoad = ReplicaLoad.start(schedulers, notifications, token, CLIENTS, PAUSE, CANCEL_EVERY);
        List<ReplicaLoad.Course> withReminders;
        try {
            Duration bookFor = Duration.between(Instant.now(), due.minus(PLANNING_TIME));
            await().atMost(bookFor.isNegative() ? Duration.ZERO : bookFor).pollInterval(Duration.ofMillis(50))
                    .until(() -> reminderLoad.courses().size() >= REMINDER_COURSES);
        } catch (ConditionTimeoutException slowMachine) {
            // fewer courses in the reminder phase than hoped: what was booked in time is still checked
        } finally {
            reminderLoad.close();
            withReminders = reminderLoad.courses();
            report("reminder phase", reminderLoad, remindersStarted);
        }
        assertTrue(withReminders.stream().anyMatch(course -> course.cancel() == ReplicaLoad.Cancel.NONE),
                "no course booked in the reminder phase: nothing to prove about reminders");
        checkTopicAndInbox(system, withReminders);
        checkReminders(system, clinic, withReminders, due);
    }

    private static void report(String phase, ReplicaLoad load, long started) {
        long ms = since(started);
        System.out.printf("replicas: %s: %d attempts, %d courses booked (%d through the second scheduler), %d requests "
                + "failed (killed replica); %.1f bookings/s over %d ms (each: patient, evaluation, contact, practitioner, "
                + "room, course of 12 sessions, every %dth a cancel)%n", phase, load.attempts(), load.courses().size(),
                load.bookedVia(1), load.failures().size(), load.courses().size() * 1000.0 / ms, ms, CANCEL_EVERY);
    }

    private static void checkTopicAndInbox(SystemUnderTest system, List<ReplicaLoad.Course> courses) {
        try (Outbox outbox = new Outbox(system.jdbcUrl())) {
            outbox.awaitEmpty(PATIENCE);
        }
        try (CourseEventLog log = new CourseEventLog(system.kafkaBootstrapServers())) {
            checkTopicAndInbox(system, courses, log);
        }
    }

    private static void checkTopicAndInbox(SystemUnderTest system, List<ReplicaLoad.Course> courses,
            CourseEventLog log) {
        List<String> problems = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            log.readToEnd(Duration.ofSeconds(20));
            problems.clear();
            courses.forEach(course -> problems.addAll(orderProblems(course, log.events(course.booked().courseId()))));
            return problems.isEmpty();
        });
        List<String> eventIds = courses.stream().flatMap(course -> log.eventIds(course.booked().courseId()).stream())
                .toList();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> NotificationRows.query(
                system.jdbcUrl(), "select count(*) as applied from inbox where event_id = any(cast(? as uuid[]))",
                (Object) eventIds.toArray(String[]::new)).get(0).get("applied"), applied -> ((Number) applied).intValue()
                        == eventIds.size());
        System.out.printf("replicas: %d events of %d courses on the topic exactly once and in order, each in the "
                + "inbox once; %d records read, %d redelivered duplicates%n", eventIds.size(), courses.size(),
                log.size(), log.duplicates());
    }

    /** Booking order, then for a cancelled first session its cancellation followed by the make-up session. */
    private static List<String> orderProblems(ReplicaLoad.Course course, List<String> events) {
        ClinicApi.Booked booked = course.booked();
        List<String> expected = new ArrayList<>();
        expected.add("course.scheduled.v1 " + booked.courseId());
        for (int i = 0; i < booked.sessionIds().size(); i++) {
            expected.add("session.scheduled.v1 " + booked.sessionIds().get(i) + " #" + (i + 1));
        }
        List<String> changes = events.size() < expected.size() ? List.of()
                : events.subList(expected.size(), events.size()).stream().map(event -> event.split(" ")[0]).toList();
        boolean prefixInOrder = events.size() >= expected.size() && events.subList(0, expected.size()).equals(expected);
        boolean changesInOrder = switch (course.cancel()) {
            case NONE -> changes.isEmpty();
            case DONE -> changes.equals(List.of("session.cancelled.v1", "session.scheduled.v1"))
                    && events.get(expected.size()).startsWith("session.cancelled.v1 " + course.firstSession());
            case UNKNOWN -> changes.isEmpty() || changes.equals(List.of("session.cancelled.v1", "session.scheduled.v1"));
        };
        return prefixInOrder && changesInOrder ? List.of()
                : List.of("course " + booked.courseId() + " (" + course.cancel() + "): " + events);
    }

    private static void checkReminders(SystemUnderTest system, String clinic, List<ReplicaLoad.Course> courses,
            Instant due) throws IOException {
        List<String> firstSessions = courses.stream().map(ReplicaLoad.Course::firstSession).toList();
        String reminders = """
                select id, session_id, channel, status, due_at from notification
                 where clinic_id = cast(? as uuid) and kind = 'session-reminder'
                   and session_id = any(cast(? as uuid[]))""";
        List<String> kept = courses.stream().filter(course -> course.cancel() == ReplicaLoad.Cancel.NONE)
                .map(ReplicaLoad.Course::firstSession).toList();
        // Sent, whichever replica claimed them: two per kept first session (email and SMS).
        List<Map<String, Object>> rows = await().atMost(REMINDERS_DUE_IN.plus(PATIENCE)).pollInterval(Duration.ofSeconds(1))
                .until(() -> NotificationRows.query(system.jdbcUrl(), reminders, clinic,
                        firstSessions.toArray(String[]::new)), found -> found.stream()
                                .filter(row -> kept.contains(row.get("session_id").toString())
                                        && "sent".equals(row.get("status"))).count() == 2L * kept.size());
        for (Map<String, Object> row : rows) {
            assertEquals(due, ((java.sql.Timestamp) row.get("due_at")).toInstant(), "due as the clinic's offset says");
        }
        Map<String, Object> cancelledSent = rows.stream().filter(row -> !kept.contains(row.get("session_id").toString())
                && "sent".equals(row.get("status"))).findFirst().orElse(null);
        assertEquals(null, cancelledSent, "no reminder for a cancelled (or maybe cancelled) session");

        Map<String, Long> smsSends = smsSends(system);
        List<String> smsReminders = rows.stream().filter(row -> "sms".equals(row.get("channel")))
                .filter(row -> "sent".equals(row.get("status"))).map(row -> row.get("id").toString()).toList();
        Map<String, Long> smsNotOnce = smsReminders.stream().filter(id -> smsSends.getOrDefault(id, 0L) != 1)
                .collect(Collectors.toMap(id -> id, id -> smsSends.getOrDefault(id, 0L)));
        assertEquals(Map.of(), smsNotOnce, "every SMS reminder handed to the gateway once");

        long mails = 0;
        List<String> mailProblems = new ArrayList<>();
        for (ReplicaLoad.Course course : courses) {
            List<ReceivedMail> inbox = system.mailbox(course.email());
            for (Map<String, Object> row : rows.stream().filter(row -> "email".equals(row.get("channel"))
                    && course.firstSession().equals(row.get("session_id").toString())).toList()) {
                String messageId = "<notification-" + row.get("id") + "@courses.local>";
                long copies = inbox.stream().filter(mail -> messageId.equals(mail.messageId())).count();
                long claims = reclaims(system, row.get("id").toString());
                mails += copies;
                boolean sent = "sent".equals(row.get("status"));
                if (sent ? copies < 1 || copies > claims : copies != 0) {
                    mailProblems.add(messageId + " " + row.get("status") + ": " + copies + " mails, " + claims + " claims");
                }
            }
        }
        assertEquals(List.of(), mailProblems, "each mail reminder once per claim that sent it, one Message-ID");
        System.out.printf("replicas: %d first sessions (%d cancelled or maybe): %d SMS reminders each sent once, "
                + "%d reminder mails%n", courses.size(), courses.size() - kept.size(), smsReminders.size(), mails);
    }

    /** How often a notification was claimed for sending ('sending' in its ledger): 1 unless a lease ran out. */
    private static long reclaims(SystemUnderTest system, String notificationId) {
        return ((Number) NotificationRows.query(system.jdbcUrl(), """
                select count(*) as claims from notification_event
                 where notification_id = cast(? as uuid) and status = 'sending'""", notificationId).get(0).get("claims"))
                .longValue();
    }

    /** Sends of the local profile's log-only SMS gateway, per notification id, in every notification log. */
    private static Map<String, Long> smsSends(SystemUnderTest system) throws IOException {
        Path logs = Path.of(System.getProperty("system.logs", "target/system-logs"));
        Map<String, Long> sends = new HashMap<>();
        for (String log : List.of("notification.log", "replica-notification.log")) {
            try (Stream<String> lines = Files.lines(logs.resolve(log))) {
                lines.map(SMS_SENT::matcher).filter(Matcher::find)
                        .forEach(match -> sends.merge(match.group(1), 1L, Long::sum));
            }
        }
        return sends;
    }

    private static CompletableFuture<Void> ready(ServiceProcess service) {
        return CompletableFuture.runAsync(() -> service.awaitReady(READY));
    }

    private static void put(String url, String token, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, url + " answered " + response.statusCode() + ": " + response.body());
    }

    private static long since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}

package health.courses.notification.reminder;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import health.courses.localstack.ReceivedMail;
import health.courses.notification.Clinics;
import health.courses.notification.CourseEvents;
import health.courses.notification.SessionEvents;
import health.courses.notification.SessionEvents.Session;
import health.courses.notification.TestStack;
import health.courses.notification.clock.MovableClock;
import health.courses.notification.contact.QuietHours;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class SessionRemindersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /**
     * The session is ten minutes away; these offsets make its two reminders due 3 and 5 seconds from now. The
     * service's clock is pinned at the test's start, so however long planning takes on a loaded machine, the
     * reminders are planned as due (not skipped as past due); they go out when the database's clock reaches them.
     */
    private static final String[] SOON = { "PT9M57S", "PT9M55S" };
    /** For tests that change the session after its reminders are planned: due 8 and 12 s from now, time to do so. */
    private static final String[] IN_TIME_TO_CHANGE = { "PT9M52S", "PT9M48S" };
    private static final Duration LAST_IN_TIME_TO_CHANGE = Duration.parse("PT9M48S");

    @Inject
    MovableClock clock;

    @BeforeEach
    void pinTheServicesClock() {
        clock.pinAt(Instant.now());
    }

    @AfterEach
    void releaseTheServicesClock() {
        clock.release();
    }

    @Test
    void aBookedSessionGetsItsRemindersAtTheirTimeInThePatientsZoneOnce() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", SOON);
        Session session = Session.random(clinic.id());
        String address = contact(clinic, session.patientId(), "America/New_York");
        OffsetDateTime start = inTenMinutes();
        UUID eventId = UUID.randomUUID();

        // The same event twice, and the same session version under a new event id (a re-publish): one plan.
        CourseEvents.publish(
                SessionEvents.session(eventId, "session.scheduled.v1", session, start, 0, "scheduled", 1, null),
                SessionEvents.session(eventId, "session.scheduled.v1", session, start, 0, "scheduled", 1, null),
                SessionEvents.scheduled(session, start, 1));

        List<ReceivedMail> mails = await().atMost(PATIENCE).until(() -> TestStack.mailbox(address), m -> m.size() >= 2);
        List<Map<String, Object>> reminders = rows(session, "session-reminder");
        assertThat(reminders, hasSize(2));
        assertThat(reminders.stream().map(r -> r.get("status")).toList(), everyItem(equalTo("sent")));
        assertThat(mails.stream().map(ReceivedMail::messageId).collect(Collectors.toSet()), equalTo(reminders.stream()
                .map(r -> "<notification-" + r.get("id") + "@courses.local>").collect(Collectors.toSet())));

        String local = start.atZoneSameInstant(ZoneId.of("America/New_York")).format(DateTimeFormatter.ofPattern("HH:mm"));
        ReceivedMail mail = mails.get(0);
        assertThat(mail.subject(), equalTo("Reminder: your session at Praxis am Park"));
        assertThat(mail.text(), allOf(containsString(", " + local + " (UTC-0"), containsString("America/New_York"),
                containsString("please call Praxis am Park"), containsString("in the clinic's time zone")));
        assertThat(mail.html(), containsString("<strong>"));
        assertThat(mail.attachmentNames(), equalTo(List.of("session.ics")));

        for (Map<String, Object> reminder : reminders) {
            Duration late = Duration.between(instant(reminder.get("due_at")),
                    instant(reminder.get("sent_at")));
            System.out.printf("reminder send lateness: %d ms%n", late.toMillis());
            // The dispatcher polls every second; the rest is headroom for a busy build machine.
            assertThat(late, lessThan(Duration.ofSeconds(10)));
        }
        assertThat(TestStack.mailbox(address), hasSize(2));
    }

    @Test
    void aSessionCancelledAfterPlanningGetsACancellationAndNoReminder() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", IN_TIME_TO_CHANGE);
        Session session = Session.random(clinic.id());
        String address = contact(clinic, session.patientId(), "Europe/Berlin");
        // Another patient's session at the same time, not cancelled: once its reminders are out, the dispatcher has
        // passed the moment the cancelled session's were due, so a reminder of it would have gone out too.
        Session witness = Session.random(clinic.id());
        String witnessAddress = contact(clinic, witness.patientId(), "Europe/Berlin");
        OffsetDateTime start = inTenMinutes();

        CourseEvents.publish(SessionEvents.scheduled(session, start, 1), SessionEvents.scheduled(witness, start, 1));
        await().atMost(PATIENCE).until(() -> rows(session, "session-reminder"), r -> r.size() == 2);
        CourseEvents.publish(SessionEvents.cancelled(session, start, 2));

        List<ReceivedMail> mails = await().atMost(PATIENCE).until(() -> TestStack.mailbox(address), m -> !m.isEmpty());
        assertThat(mails.get(0).subject(), equalTo("Your session at Praxis am Park is cancelled"));
        assertThat(rows(session, "session-reminder").stream().map(r -> r.get("status") + ":" + r.get("status_reason"))
                .toList(), everyItem(equalTo("withdrawn:cancelled")));
        await().atMost(PATIENCE).until(() -> rows(witness, "session-reminder"),
                r -> r.stream().allMatch(row -> "sent".equals(row.get("status"))));
        assertThat(instant(rows(witness, "session-reminder").get(1).get("due_at")),
                equalTo(start.minus(LAST_IN_TIME_TO_CHANGE).toInstant()));
        assertThat(TestStack.mailbox(witnessAddress), hasSize(2));
        assertThat(TestStack.mailbox(address), hasSize(1));
    }

    @Test
    void aRescheduledSessionGetsOnlyTheNewTimesRemindersAndAChangeNotice() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", SOON);
        Session session = Session.random(clinic.id());
        String address = contact(clinic, session.patientId(), "Europe/Berlin");
        OffsetDateTime oldStart = inTenMinutes().plusMinutes(30);
        OffsetDateTime newStart = inTenMinutes();

        CourseEvents.publish(SessionEvents.scheduled(session, oldStart, 1),
                SessionEvents.rescheduled(session, newStart, 1, 2, oldStart));

        List<ReceivedMail> mails = await().atMost(PATIENCE).until(() -> TestStack.mailbox(address), m -> m.size() >= 3);
        List<Map<String, Object>> reminders = rows(session, "session-reminder");
        assertThat(reminders.stream().map(r -> r.get("session_version") + ":" + r.get("status")).toList(),
                containsInAnyOrder("1:withdrawn", "1:withdrawn", "2:sent", "2:sent"));
        Set<String> newReminders = reminders.stream().filter(r -> "sent".equals(r.get("status")))
                .map(r -> "<notification-" + r.get("id") + "@courses.local>").collect(Collectors.toSet());
        Map<String, Object> notice = rows(session, "session-changed").get(0);
        assertThat(mails.stream().map(ReceivedMail::messageId).collect(Collectors.toSet()),
                equalTo(union(newReminders, "<notification-" + notice.get("id") + "@courses.local>")));
        ReceivedMail change = mails.stream().filter(m -> m.subject().contains("moved")).findFirst().orElseThrow();
        assertThat(change.text(), containsString(
                "It was planned for " + TimeFmt.date(oldStart) + ", " + TimeFmt.time(oldStart)));
    }

    @Test
    void anOlderEventArrivingLateDoesNotBringRemindersBack() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", SOON);
        Session session = Session.random(clinic.id());
        contact(clinic, session.patientId(), "Europe/Berlin");
        OffsetDateTime start = inTenMinutes();
        UUID marker = UUID.randomUUID();

        CourseEvents.publish(SessionEvents.cancelled(session, start, 2), SessionEvents.scheduled(session, start, 1),
                SessionEvents.session(marker, "session.missed.v1", session.another(), start, 0, "missed", 1, null));

        await().atMost(PATIENCE).until(() -> TestStack.query("select 1 from inbox where event_id = ?", marker),
                r -> r.size() == 1);
        assertThat(rows(session, "session-reminder"), empty());
        assertThat(TestStack.query("select status, version from session_state where session_id = ?", session.sessionId()),
                equalTo(List.of(Map.of("status", "cancelled", "version", 2L))));
    }

    @Test
    void aReminderWhoseSessionChangedUnnoticedIsWithdrawnAsStaleAtSendTime() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", IN_TIME_TO_CHANGE);
        Session session = Session.random(clinic.id());
        String address = contact(clinic, session.patientId(), "Europe/Berlin");

        CourseEvents.publish(SessionEvents.scheduled(session, inTenMinutes(), 1));
        await().atMost(PATIENCE).until(() -> rows(session, "session-reminder"), r -> r.size() == 2);
        // As if a newer version had been applied without its withdrawals reaching these rows.
        TestStack.execute("update session_state set version = 7 where session_id = ?", session.sessionId());

        await().atMost(PATIENCE).until(() -> rows(session, "session-reminder"),
                r -> r.stream().allMatch(row -> "withdrawn".equals(row.get("status"))));
        assertThat(rows(session, "session-reminder").stream().map(r -> r.get("status_reason")).toList(),
                everyItem(equalTo("stale")));
        assertThat(TestStack.mailbox(address), empty());
    }

    @Test
    void aHeldCourseWithdrawsItsSessionsRemindersAndTellsThePatientOnce() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis am Park", "PT9M");
        Session first = Session.random(clinic.id());
        Session second = first.another();
        String address = contact(clinic, first.patientId(), "Europe/Berlin");

        CourseEvents.publish(SessionEvents.scheduled(first, inTenMinutes(), 1),
                SessionEvents.scheduled(second, inTenMinutes().plusDays(2), 1),
                SessionEvents.courseHeld(first, 3, List.of(first.sessionId(), second.sessionId())),
                SessionEvents.courseHeld(first, 3, List.of(first.sessionId(), second.sessionId())));

        List<ReceivedMail> mails = await().atMost(PATIENCE).until(() -> TestStack.mailbox(address), m -> !m.isEmpty());
        assertThat(mails.get(0).subject(), equalTo("Your treatment course at Praxis am Park is paused"));
        assertThat(TestStack.query("""
                select status, status_reason from notification where course_id = ? and kind = 'session-reminder'""",
                first.courseId()), equalTo(List.of(Map.of("status", "withdrawn", "status_reason", "held"),
                        Map.of("status", "withdrawn", "status_reason", "held"))));
        assertThat(TestStack.query("select 1 from notification where course_id = ? and kind = 'course-held'",
                first.courseId()), hasSize(1));
    }

    @Test
    void aReminderAlreadyPastIsSkippedAndOneInQuietHoursMovesEarlier() {
        Clinics clinic = Clinics.fresh();
        // The defaults: 24 h and 2 h before, quiet hours 21:00-08:00.
        given().auth().oauth2(clinic.token("clinician")).contentType("application/json")
                .body(Map.of("clinicName", "Praxis am Park")).put("/api/v1/notification-settings")
                .then().statusCode(200);
        Session session = Session.random(clinic.id());
        contact(clinic, session.patientId(), "Europe/Berlin");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusHours(3).truncatedTo(ChronoUnit.SECONDS);

        CourseEvents.publish(SessionEvents.scheduled(session, start, 1));

        List<Map<String, Object>> reminders = await().atMost(PATIENCE)
                .until(() -> rows(session, "session-reminder"), r -> r.size() == 2);
        QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
        Instant twoHoursBefore = ReminderSchedule.dueAt(start.toInstant(), Duration.ofHours(2), ZoneId.of("Europe/Berlin"),
                night);
        Map<String, Object> dayBefore = reminders.stream()
                .filter(r -> r.get("idempotency_key").toString().contains(":PT24H:")).findFirst().orElseThrow();
        Map<String, Object> twoHours = reminders.stream()
                .filter(r -> r.get("idempotency_key").toString().contains(":PT2H:")).findFirst().orElseThrow();
        assertThat(dayBefore.get("status") + ":" + dayBefore.get("status_reason"), equalTo("skipped:past-due"));
        assertThat(instant(twoHours.get("due_at")), equalTo(twoHoursBefore));
    }

    static String contact(Clinics clinic, UUID patient, String zone) {
        String address = "patient-" + patient + "@example.org";
        clinic.contact(patient, Map.of("email", address, "language", "en", "zone", zone));
        return address;
    }

    static List<Map<String, Object>> rows(Session session, String kind) {
        return TestStack.query("""
                select id, status, status_reason, session_version, due_at, sent_at, idempotency_key, attempts
                  from notification where clinic_id = ? and session_id = ? and kind = ? order by due_at""",
                session.clinicId(), session.sessionId(), kind);
    }

    static Instant instant(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).toInstant();
    }

    static OffsetDateTime inTenMinutes() {
        return OffsetDateTime.now(ZoneOffset.ofHours(2)).plusMinutes(10).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Set<String> union(Set<String> some, String one) {
        return java.util.stream.Stream.concat(some.stream(), java.util.stream.Stream.of(one)).collect(Collectors.toSet());
    }

    /** The session times as the English templates print them in Berlin. */
    private static final class TimeFmt {
        static String date(OffsetDateTime at) {
            return at.atZoneSameInstant(ZoneId.of("Europe/Berlin"))
                    .format(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", java.util.Locale.ENGLISH));
        }

        static String time(OffsetDateTime at) {
            return at.atZoneSameInstant(ZoneId.of("Europe/Berlin")).format(DateTimeFormatter.ofPattern("HH:mm"));
        }
    }
}

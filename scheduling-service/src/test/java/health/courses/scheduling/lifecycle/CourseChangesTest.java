package health.courses.scheduling.lifecycle;

import static health.courses.scheduling.lifecycle.SessionChangesTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.BookedCourse;
import health.courses.scheduling.support.LifecycleEvents;
import health.courses.scheduling.support.TestClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Course changes touch only future sessions, follow the state machine, and keep every booking rule. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CourseChangesTest {

    @Inject
    TestClock clock;

    @Test
    void cancellingACourseAfterFiveOfTwelveSessionsLeavesThoseFiveAndCancelsSeven() {
        BookedCourse course = BookedCourse.book(LocalDate.of(2027, 5, 3));
        course.travelPastStartOf(5);
        for (int number = 1; number <= 5; number++) {
            assertEquals(200, course.sessionChange(number, "complete", Map.of("intensity", 2)).statusCode());
        }
        JsonPath before = course.view();

        Response cancelled = course.as("booking").body(Map.of("reason", "patient-request"))
                .post("/api/v1/courses/{id}/cancel", course.id());

        assertEquals(200, cancelled.statusCode(), cancelled.asString());
        JsonPath after = course.view();
        assertEquals("cancelled", after.getString("status"));
        for (int i = 0; i < 5; i++) {
            assertEquals(before.getMap("sessions[" + i + "]"), after.getMap("sessions[" + i + "]"), "session " + (i + 1));
        }
        assertEquals(List.of("cancelled"), after.getList("sessions.status").subList(5, 12).stream().distinct().toList());
        assertEquals(12, after.getList("sessions").size(), "no make-ups for a cancelled course");
        JsonPath resumed = problem(course.courseChange("resume", Map.of("from", "2027-06-01")), 409, "illegal-transition");
        assertEquals("cancelled", resumed.getString("currentStatus"));
        problem(course.courseChange("extend", Map.of("weeks", 1, "reason", "slow-response")), 409, "illegal-transition");
        problem(course.sessionChange(1, "complete", Map.of("intensity", 2)), 409, "illegal-transition");

        List<ConsumerRecord<String, String>> events = LifecycleEvents.after(course.id(), course.sessionIds(), 13);
        List<ConsumerRecord<String, String>> courseCancel = events.subList(5, 13);
        assertEquals("course.cancelled.v1", LifecycleEvents.type(courseCancel.get(0)));
        JsonPath data = LifecycleEvents.data(courseCancel.get(0));
        assertEquals("patient-request", data.getString("reason"));
        assertEquals(5, data.getInt("sessionCount"), "the sessions that are not cancelled");
        assertEquals(course.sessionIds().subList(5, 12), courseCancel.subList(1, 8).stream().map(record -> {
            assertEquals("session.cancelled.v1", LifecycleEvents.type(record));
            assertEquals("course-cancelled", LifecycleEvents.data(record).getString("reason"));
            // RFC 5546: a calendar applies the cancellation only with a higher SEQUENCE (contract 2).
            assertEquals(1, LifecycleEvents.data(record).getInt("sequence"));
            return LifecycleEvents.data(record).getString("sessionId");
        }).toList());
    }

    @Test
    void holdThenResumeTwoWeeksLaterReflowsTheHeldSessionsPastAClosureKeepingTheSpacing() {
        // Mon/Wed/Fri 10:00 from Mon 7 June 2027: session 12 would be Fri 2 July.
        BookedCourse course = BookedCourse.book(LocalDate.of(2027, 6, 7));
        course.travelPastStartOf(2);
        Response held = course.courseChange("hold", Map.of());
        assertEquals(200, held.statusCode(), held.asString());
        assertEquals(List.of("scheduled", "scheduled"), held.jsonPath().getList("sessions.status").subList(0, 2));
        assertEquals(List.of("held"), held.jsonPath().getList("sessions.status").subList(2, 12).stream().distinct().toList());
        assertEquals("held", problem(course.courseChange("hold", Map.of()), 409, "illegal-transition")
                .getString("currentStatus"));

        clock.travelTo(LocalDate.of(2027, 6, 23));
        course.as("booking").body(Map.of("date", "2027-06-30", "reason", "staff training")).post("/api/v1/closures")
                .then().statusCode(201);
        problem(course.courseChange("resume", Map.of("from", "2027-06-01")), 422, "resume-date-in-past");
        assertEquals(403, course.as("booking").body(Map.of("from", "2027-06-28")).post("/api/v1/courses/{id}/resume",
                course.id()).statusCode(), "resuming is a clinician's decision");
        Response resumed = course.courseChange("resume", Map.of("from", "2027-06-28"));

        assertEquals(200, resumed.statusCode(), resumed.asString());
        JsonPath view = course.view();
        assertEquals("scheduled", view.getString("status"));
        assertEquals(course.sessionIds(), view.getList("sessions.id"), "every session keeps its id");
        assertEquals(course.starts().subList(0, 2), view.getList("sessions.start").subList(0, 2), "past sessions stay");
        assertEquals(List.of("2027-06-28", "2027-07-02", "2027-07-05", "2027-07-07", "2027-07-09", "2027-07-12",
                        "2027-07-14", "2027-07-16", "2027-07-19", "2027-07-21"),
                view.getList("sessions.start", String.class).subList(2, 12).stream().map(start -> start.substring(0, 10)).toList(),
                "from the resume date on the course's weekdays, skipping the closed Wednesday 30 June");
        assertTrue(view.getList("sessions.start", String.class).stream().allMatch(start -> start.endsWith("T10:00:00+02:00")));
        List<OffsetDateTime> starts = view.getList("sessions.start", String.class).stream().map(OffsetDateTime::parse).toList();
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(Duration.between(starts.get(i - 1), starts.get(i)).toHours() >= 44, "gap before session " + (i + 1));
        }
        // Raised by the hold (STATUS:TENTATIVE in the calendar) and again by the move on resume.
        assertEquals(List.of(0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2), view.getList("sessions.sequence"));
        assertEquals(List.of("scheduled"), view.getList("sessions.status").stream().distinct().toList());

        List<ConsumerRecord<String, String>> events = LifecycleEvents.after(course.id(), course.sessionIds(), 12);
        assertEquals("course.held.v1", LifecycleEvents.type(events.get(0)));
        assertEquals(course.sessionIds().subList(2, 12), LifecycleEvents.data(events.get(0)).getList("heldSessionIds"));
        assertEquals("course.resumed.v1", LifecycleEvents.type(events.get(1)));
        assertEquals("clinician-cleared", LifecycleEvents.data(events.get(1)).getString("reason"));
        for (int i = 2; i < 12; i++) {
            ConsumerRecord<String, String> event = events.get(i);
            assertEquals("session.rescheduled.v1", LifecycleEvents.type(event));
            JsonPath data = LifecycleEvents.data(event);
            assertEquals(course.session(i + 1), data.getString("sessionId"));
            assertEquals(course.starts().get(i), data.getString("previousStart"));
            assertEquals(view.getString("sessions[" + i + "].start"), data.getString("start"));
            assertEquals(2, data.getInt("sequence"));
        }
    }

    @Test
    void extendingAppendsWeeksUpToTwelveInAllWithAReason() {
        BookedCourse course = BookedCourse.book(LocalDate.of(2027, 5, 3));

        problem(course.courseChange("extend", Map.of("weeks", 2)), 400, "validation");
        assertEquals(403, course.as("booking").body(Map.of("weeks", 2, "reason", "slow-response"))
                .post("/api/v1/courses/{id}/extend", course.id()).statusCode());
        Response extended = course.courseChange("extend", Map.of("weeks", 2, "reason", "slow-response"));

        assertEquals(200, extended.statusCode(), extended.asString());
        JsonPath view = course.view();
        assertEquals(6, view.getInt("weeks"));
        assertEquals("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=18", view.getString("recurrence"));
        assertEquals(course.starts(), view.getList("sessions.start").subList(0, 12));
        assertEquals(List.of("2027-05-31T10:00:00+02:00", "2027-06-02T10:00:00+02:00", "2027-06-04T10:00:00+02:00",
                "2027-06-07T10:00:00+02:00", "2027-06-09T10:00:00+02:00", "2027-06-11T10:00:00+02:00"),
                view.getList("sessions.start").subList(12, 18));
        JsonPath tooLong = problem(course.courseChange("extend", Map.of("weeks", 7, "reason", "slow-response")), 422,
                "extension-too-long");
        assertEquals("weeks", tooLong.getString("errors[0].field"));

        List<ConsumerRecord<String, String>> events = LifecycleEvents.after(course.id(), course.sessionIds(), 7);
        assertEquals("course.extended.v1", LifecycleEvents.type(events.get(0)));
        JsonPath data = LifecycleEvents.data(events.get(0));
        assertEquals("slow-response", data.getString("reason"));
        assertEquals(18, data.getInt("sessionCount"));
        assertEquals(view.getList("sessions.id").subList(12, 18),
                events.subList(1, 7).stream().map(event -> LifecycleEvents.data(event).getString("sessionId")).toList());
    }
}

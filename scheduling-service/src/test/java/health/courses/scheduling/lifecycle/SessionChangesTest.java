package health.courses.scheduling.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.BookedCourse;
import health.courses.scheduling.support.LifecycleEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Each session change touches exactly the session it names, and emits exactly one event for it. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class SessionChangesTest {

    /** Mon 3 May 2027: sessions Mon/Wed/Fri at 10:00 (+02:00) until Fri 28 May. */
    private static final LocalDate START = LocalDate.of(2027, 5, 3);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void reschedulingOneSessionMovesOnlyItAndEmitsOneRescheduledEvent() {
        BookedCourse course = BookedCourse.book(START);
        JsonPath before = course.view();

        Response moved = course.sessionChange(4, "reschedule", Map.of("start", "2027-05-10T11:30", "reason", "patient-request"));

        assertEquals(200, moved.statusCode(), moved.asString());
        JsonPath after = course.view();
        assertEquals(2, after.getInt("version"), "a session change is a change of its course");
        assertEquals(2, moved.jsonPath().getInt("version"));
        assertEquals("\"2\"", moved.header("ETag"));
        assertEquals(course.session(4), after.getString("sessions[3].id"), "the session keeps its id");
        assertEquals("2027-05-10T11:30:00+02:00", after.getString("sessions[3].start"));
        assertEquals(1, after.getInt("sessions[3].sequence"));
        assertEquals("scheduled", after.getString("sessions[3].status"));
        for (int i = 0; i < 12; i++) {
            if (i != 3) {
                assertEquals(before.getMap("sessions[" + i + "]"), after.getMap("sessions[" + i + "]"), "session " + (i + 1));
            }
        }

        // Refusals change nothing and emit nothing.
        problem(course.sessionChange(4, "reschedule", Map.of("start", "2027-05-11T10:00")), 422, "course-not-schedulable");
        assertThat(course.sessionChange(4, "reschedule", Map.of("start", "2027-05-11T10:00"))
                .jsonPath().getList("conflicts[0].reasons"), hasItem("too-close"));
        assertThat(course.sessionChange(4, "reschedule", Map.of("start", "2027-05-10T17:45"))
                .jsonPath().getList("conflicts[0].reasons"), hasItem("outside-opening-hours"));
        problem(course.sessionChange(4, "reschedule", Map.of("start", "2027-04-01T10:00:00+02:00")), 422, "start-in-past");
        assertEquals("start", problem(course.sessionChange(4, "reschedule", Map.of("start", "next monday")), 400,
                "validation").getString("errors[0].field"));
        problem(course.as("booking").header("If-Match", "\"1\"").body(Map.of("start", "2027-05-10T12:00"))
                .post("/api/v1/sessions/{id}/reschedule", course.session(4)), 412, "version-mismatch");
        assertEquals(after.getMap(""), course.view().getMap(""));

        List<ConsumerRecord<String, String>> events = LifecycleEvents.after(course.id(), course.sessionIds(), 1);
        assertEquals(1, events.size(), "exactly one event for one rescheduled session");
        assertEquals("session.rescheduled.v1", LifecycleEvents.type(events.get(0)));
        JsonPath data = LifecycleEvents.data(events.get(0));
        assertEquals(course.session(4), data.getString("sessionId"));
        assertEquals("2027-05-10T10:00:00+02:00", data.getString("previousStart"));
        assertEquals("2027-05-10T11:30:00+02:00", data.getString("start"));
        assertEquals(1, data.getInt("sequence"));
        assertEquals(2, data.getInt("version"));
        assertEquals("patient-request", data.getString("reason"));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics, containsString("courses_session_changes_total{change=\"rescheduled\""));
        assertThat(metrics, containsString("courses_bookings_total{outcome=\"booked\",problem=\"none\""));
    }

    @Test
    void reschedulingOntoAnotherCoursesSlotIsRefusedNamingWhoIsBusyAndChangesNothing() {
        BookedCourse course = BookedCourse.book(START);
        course.another(START, "12:00");
        JsonPath before = course.view();

        JsonPath taken = problem(course.sessionChange(4, "reschedule", Map.of("start", "2027-05-10T12:15")), 409,
                "slot-taken");

        assertThat(taken.getList("conflicts[0].reasons"), hasItem("practitioner-busy"));
        assertThat(taken.getList("conflicts[0].reasons"), hasItem("room-busy"));
        assertThat(taken.getList("conflicts[0].alternatives"), not(org.hamcrest.Matchers.empty()));
        assertEquals(before.getMap(""), course.view().getMap(""));
    }

    @Test
    void twoCoursesReschedulingIntoTheSameSlotAtOnceGetOneMoveAndOneSlotTaken() throws Exception {
        BookedCourse first = BookedCourse.book(START);
        BookedCourse second = first.another(START, "12:00");
        Map<String, String> sameSlot = Map.of("start", "2027-05-10T14:00");

        CompletableFuture<Response> one = CompletableFuture.supplyAsync(() -> first.sessionChange(4, "reschedule", sameSlot));
        CompletableFuture<Response> other = CompletableFuture.supplyAsync(() -> second.sessionChange(4, "reschedule", sameSlot));
        List<Integer> statuses = java.util.stream.Stream.of(one.get(), other.get()).map(Response::statusCode).sorted().toList();

        assertEquals(List.of(200, 409), statuses, "one move wins; the other is refused by the check or the database");
        Response lost = one.get().statusCode() == 409 ? one.get() : other.get();
        problem(lost, 409, "slot-taken");
        long atTwo = java.util.stream.Stream.of(first.view(), second.view())
                .flatMap(view -> view.getList("sessions.start", String.class).stream())
                .filter("2027-05-10T14:00:00+02:00"::equals).count();
        assertEquals(1, atTwo);
    }

    @Test
    void cancellingOneSessionCancelsOnlyItAndAppendsOneMakeUpAtTheEnd() {
        BookedCourse course = BookedCourse.book(START);
        JsonPath before = course.view();

        Response cancelled = course.sessionChange(2, "cancel", Map.of("by", "patient", "reason", "illness"));

        assertEquals(200, cancelled.statusCode(), cancelled.asString());
        JsonPath after = course.view();
        assertEquals(13, after.getList("sessions").size());
        assertEquals("cancelled", after.getString("sessions[1].status"));
        assertEquals(1, after.getInt("sessions[1].sequence"), "raised by the cancellation, so calendars apply it");
        for (int i = 0; i < 12; i++) {
            if (i != 1) {
                assertEquals(before.getMap("sessions[" + i + "]"), after.getMap("sessions[" + i + "]"), "session " + (i + 1));
            }
        }
        assertEquals(13, after.getInt("sessions[12].number"));
        assertEquals("2027-05-31T10:00:00+02:00", after.getString("sessions[12].start"),
                "the Monday after the last session, on the course's pattern and time");
        assertEquals("scheduled", after.getString("sessions[12].status"));
        JsonPath again = problem(course.sessionChange(2, "cancel", Map.of("by", "clinic", "reason", "staff-ill")), 409,
                "illegal-transition");
        assertEquals("cancelled", again.getString("currentStatus"));

        List<ConsumerRecord<String, String>> events = LifecycleEvents.after(course.id(), course.sessionIds(), 2);
        assertEquals(List.of("session.cancelled.v1", "session.scheduled.v1"), events.stream().map(LifecycleEvents::type).toList());
        JsonPath cancel = LifecycleEvents.data(events.get(0));
        assertEquals(course.session(2), cancel.getString("sessionId"));
        assertEquals("patient:illness", cancel.getString("reason"));
        assertEquals("cancelled", cancel.getString("status"));
        assertEquals(1, cancel.getInt("sequence"));
        JsonPath makeUp = LifecycleEvents.data(events.get(1));
        assertEquals(after.getString("sessions[12].id"), makeUp.getString("sessionId"));
        assertEquals(13, makeUp.getInt("number"));
    }

    @Test
    void completeAndMissedOnlyAfterTheStartAndTheToleranceNoteNeverLeavesTheDatabase() {
        BookedCourse course = BookedCourse.book(START);
        course.as("booking").body(Map.of("name", "Praxis", "zone", "Europe/Berlin", "makeUpSessions", false,
                        "openingHours", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                                .map(day -> Map.of("weekday", day, "opens", "08:00", "closes", "18:00")).toList()))
                .put("/api/v1/clinic").then().statusCode(200);

        JsonPath early = problem(course.sessionChange(1, "complete", Map.of("intensity", 2)), 409, "session-not-started");
        assertEquals("scheduled", early.getString("currentStatus"));
        problem(course.sessionChange(1, "missed", Map.of()), 409, "session-not-started");
        assertEquals("intensity", problem(course.sessionChange(1, "complete", Map.of("intensity", 6)), 400, "validation")
                .getString("errors[0].field"));
        assertEquals("intensity", problem(course.sessionChange(1, "complete", Map.of("toleranceNote", "fine")), 400,
                "validation").getString("errors[0].field"));
        assertEquals("by", problem(course.sessionChange(1, "cancel", Map.of("by", "robot", "reason", "x")), 400,
                "validation").getString("errors[0].field"));
        assertEquals("reason", problem(course.sessionChange(1, "cancel", Map.of("by", "clinic", "reason", "Feels bad")),
                400, "validation").getString("errors[0].field"));
        problem(course.as("booking").body(Map.of("intensity", 2))
                .post("/api/v1/sessions/{id}/complete", UUID.randomUUID()), 404, "not-found");
        problem(course.as("booking").body(Map.of("intensity", 2))
                .post("/api/v1/sessions/{id}/complete", "not-a-uuid"), 400, "validation");

        course.travelPastStartOf(2);
        assertEquals(200, course.sessionChange(1, "missed", Map.of()).statusCode());
        Response completed = course.sessionChange(2, "complete", Map.of("intensity", 3, "toleranceNote", "NOTE-7f3a soreness"));
        assertEquals(200, completed.statusCode(), completed.asString());
        JsonPath view = course.view();
        assertEquals(12, view.getList("sessions").size(), "the clinic makes up no sessions");
        assertEquals(List.of("missed", "completed", "scheduled"), view.getList("sessions.status").subList(0, 3));
        assertEquals("NOTE-7f3a soreness", column("tolerance_note", course.session(2)));
        assertEquals("3", column("intensity", course.session(2)));

        List<ConsumerRecord<String, String>> events = LifecycleEvents.after(course.id(), course.sessionIds(), 2);
        assertEquals(List.of("session.missed.v1", "session.completed.v1"), events.stream().map(LifecycleEvents::type).toList());
        assertEquals("no-show", LifecycleEvents.data(events.get(0)).getString("reason"));
        assertEquals(course.session(2), LifecycleEvents.data(events.get(1)).getString("sessionId"));
        assertThat(events.get(1).value(), not(containsString("NOTE-7f3a")));
        assertNull(LifecycleEvents.data(events.get(1)).get("intensity"));
    }

    @Test
    void theCourseCompletesItselfWithItsLastSession() {
        BookedCourse course = BookedCourse.book(START);
        course.travelPastStartOf(12);

        Response last = null;
        for (int number = 1; number <= 12; number++) {
            last = course.sessionChange(number, "complete", Map.of("intensity", 2));
            assertEquals(200, last.statusCode(), last.asString());
        }

        assertEquals("completed", last.jsonPath().getString("status"));
        problem(course.courseChange("cancel", Map.of("reason", "patient-request")), 409, "illegal-transition");
        List<ConsumerRecord<String, String>> events = LifecycleEvents.after(course.id(), course.sessionIds(), 13);
        assertEquals(13, events.size());
        assertEquals("course.completed.v1", LifecycleEvents.type(events.get(12)));
        JsonPath done = LifecycleEvents.data(events.get(12));
        assertEquals("completed", done.getString("status"));
        assertEquals(12, done.getInt("sessionCount"));
    }

    static JsonPath problem(Response response, int status, String type) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType());
        JsonPath problem = response.jsonPath();
        assertEquals("https://courses.health/problems/" + type, problem.getString("type"), response.asString());
        return problem;
    }

    private String column(String name, String sessionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT " + name + "::text FROM scheduling.session WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(sessionId));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

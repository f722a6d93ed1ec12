package health.courses.scheduling.attendance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.BookedCourse;
import health.courses.scheduling.support.Rows;
import health.courses.scheduling.support.Replies.Reply;
import health.courses.scheduling.support.TestClinic;
import health.courses.scheduling.support.TestClock;
import health.courses.scheduling.support.Topics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, attendance: a course whose sessions were confirmed or not, then completed, missed or cancelled by either
 * side, counted on the course and in the clinic's report; another clinic's report shows none of it.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class AttendanceTest {

    /** Mon 4 Oct 2027: sessions Mon/Wed/Fri 10:00 (+02:00) until Fri 29 Oct; booked on Mon 27 Sep. */
    private static final LocalDate START = LocalDate.of(2027, 10, 4);
    private static final Instant BOOKED = START.minusDays(7).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    private static final Map<String, String> PERIOD = Map.of("from", START.toString(), "to", START.plusDays(42).toString());

    @Inject
    Rows rows;

    @Inject
    TestClock clock;

    private BookedCourse course;

    /**
     * Sessions 1-3 confirmed by the patient, 4 not; 1 and 2 took place, 3 and 4 were missed; 5 cancelled by the patient,
     * 6 by the clinic. So: completed 2, missed 2, confirmed 3 of 4 (0.75), a third of the confirmed missed, every
     * unconfirmed one missed.
     */
    @BeforeEach
    void aCourseThatRanHalfway() {
        course = BookedCourse.book(START);
        clock.travelTo(BOOKED);
        List<UUID> replies = List.of(1, 2, 3).stream().map(number -> {
            UUID eventId = UUID.randomUUID();
            Topics.send(Reply.confirmation(course.clinic().id(), course.id(), course.session(number),
                    BOOKED.plusSeconds(60)).record(eventId));
            return eventId;
        }).toList();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> replies.stream().allMatch(id -> "applied".equals(rows.inboxOutcome(id))));
        course.sessionChange(5, "cancel", Map.of("by", "patient", "reason", "travel")).then().statusCode(200);
        course.sessionChange(6, "cancel", Map.of("by", "clinic", "reason", "practitioner-ill")).then().statusCode(200);
        course.travelPastStartOf(4);
        course.sessionChange(1, "complete", Map.of("intensity", 2)).then().statusCode(200);
        course.sessionChange(2, "complete", Map.of("intensity", 3)).then().statusCode(200);
        course.sessionChange(3, "missed", Map.of()).then().statusCode(200);
        course.sessionChange(4, "missed", Map.of()).then().statusCode(200);
    }

    @Test
    void theCourseAnswerCountsItsSessions() {
        assertFigures(course.view(), "attendance");
        JsonPath list = course.as("booking").get("/api/v1/courses").then().statusCode(200).extract().jsonPath();
        assertFigures(list, "items[0].attendance");
    }

    @Test
    void theReportCountsPerPractitionerAndPerCourseOverThePeriod() {
        String practitioner = course.view().getString("practitionerId");
        JsonPath report = report(course.clinic(), PERIOD);
        assertEquals(START.toString(), report.getString("from"));
        assertEquals("Europe/Berlin", report.getString("zone"));
        assertFigures(report, "total");
        assertEquals(List.of(practitioner), report.getList("practitioners.practitionerId"));
        assertFigures(report, "practitioners[0].attendance");
        assertEquals(List.of(course.id().toString()), report.getList("courses.courseId"));
        assertFigures(report, "courses[0].attendance");

        JsonPath ofPractitioner = report(course.clinic(), with(PERIOD, "practitionerId", practitioner));
        assertFigures(ofPractitioner, "total");
        JsonPath ofAnother = report(course.clinic(), with(PERIOD, "practitionerId", UUID.randomUUID().toString()));
        assertEquals(0, ofAnother.getInt("total.completed"));
        assertNull(ofAnother.get("total.confirmationRate"), "no rate without a session that was due");
        assertEquals(List.of(), ofAnother.getList("courses"));

        // Only sessions starting in the period: the week before the course has none.
        assertEquals(List.of(), report(course.clinic(), Map.of("from", START.minusDays(7).toString(),
                "to", START.toString())).getList("courses"));
    }

    @Test
    void anotherClinicsReportShowsNothingOfThisClinic() {
        TestClinic other = TestClinic.fresh();
        JsonPath theirs = report(other, PERIOD);
        assertEquals(List.of(), theirs.getList("courses"));
        assertEquals(List.of(), theirs.getList("practitioners"));
        assertEquals(0, theirs.getInt("total.missed"));
        JsonPath named = report(other, with(PERIOD, "practitionerId", course.view().getString("practitionerId")));
        assertEquals(List.of(), named.getList("courses"));
        given().queryParams(PERIOD).get("/api/v1/reports/attendance").then().statusCode(401);
    }

    @Test
    void aBadPeriodIsAProblemNamingTheParameter() {
        assertEquals(List.of("to", "after-from"), problem(Map.of("from", "2027-10-04", "to", "2027-10-04")));
        assertEquals(List.of("to", "range"), problem(Map.of("from", "2027-01-01", "to", "2028-01-03")));
        assertEquals(List.of("from", "not-null"), problem(Map.of("to", "2027-10-04")));
        assertEquals(List.of("from", "date"), problem(Map.of("from", "2027-13-01", "to", "2028-01-03")));
        assertEquals(List.of("practitionerId", "uuid"), problem(with(PERIOD, "practitionerId", "dr-who")));
    }

    /** The figures of {@link #aCourseThatRanHalfway} at {@code at} (a path such as courses[0].attendance). */
    private static void assertFigures(JsonPath answer, String at) {
        assertEquals(List.of(2, 2, 1, 1, 3), Stream.of("completed", "missed", "cancelledByPatient", "cancelledByClinic",
                "confirmed").map(member -> answer.getInt(at + "." + member)).toList(), at);
        assertEquals(List.of(0.75, 0.3333, 1.0), Stream.of("confirmationRate", "missedRateConfirmed",
                "missedRateUnconfirmed").map(member -> answer.getDouble(at + "." + member)).toList(), at);
    }

    private JsonPath report(TestClinic clinic, Map<String, String> query) {
        return given().auth().oauth2(clinic.token("clinician")).queryParams(query).get("/api/v1/reports/attendance")
                .then().statusCode(200).extract().jsonPath();
    }

    private List<String> problem(Map<String, String> query) {
        JsonPath problem = given().auth().oauth2(course.clinic().token("operator")).queryParams(query)
                .get("/api/v1/reports/attendance").then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();
        return List.of(problem.getString("errors[0].field"), problem.getString("errors[0].rule"));
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(query);
        more.put(name, value);
        return more;
    }
}

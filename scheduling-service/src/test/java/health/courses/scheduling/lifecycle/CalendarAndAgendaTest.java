package health.courses.scheduling.lifecycle;

import static health.courses.scheduling.lifecycle.SessionChangesTest.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.BookedCourse;
import health.courses.scheduling.support.TestClinic;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CalendarAndAgendaTest {

    @Test
    void theCalendarParsesAndRoundTripsUidsSequencesAndStatuses() throws Exception {
        BookedCourse course = BookedCourse.book(LocalDate.of(2027, 10, 4));
        assertEquals(200, course.sessionChange(2, "reschedule", Map.of("start", "2027-10-06T11:00")).statusCode());
        assertEquals(200, course.sessionChange(3, "cancel", Map.of("by", "clinic", "reason", "staff-ill")).statusCode());
        JsonPath view = course.view();

        Response file = given().auth().oauth2(course.clinic().bookingToken())
                .get("/api/v1/courses/{id}/calendar.ics", course.id());

        assertEquals(200, file.statusCode(), file.asString());
        assertThat(file.contentType(), startsWith("text/calendar"));
        assertThat(file.asString(), not(containsString(view.getString("patientId"))));
        Calendar calendar = new CalendarBuilder().build(new StringReader(file.asString()));
        VTimeZone zone = calendar.<VTimeZone>getComponent("VTIMEZONE").orElseThrow();
        assertEquals("Europe/Berlin", zone.getProperty(Property.TZID).orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(13, events.size(), "12 sessions and the make-up of the cancelled one");
        for (int i = 0; i < events.size(); i++) {
            VEvent event = events.get(i);
            assertEquals("session-" + view.getString("sessions[" + i + "].id") + "@courses.health",
                    event.getUid().orElseThrow().getValue());
            assertEquals(view.getInt("sessions[" + i + "].sequence"), event.getSequence().getSequenceNo());
            assertEquals("Europe/Berlin", event.getDateTimeStart().getParameter(Parameter.TZID).orElseThrow().getValue());
        }
        assertEquals(1, events.get(1).getSequence().getSequenceNo());
        assertThat(events.get(1).getDateTimeStart().getValue(), startsWith("20271006T110000"));
        assertEquals("CONFIRMED", events.get(0).getStatus().getValue());
        assertEquals("CANCELLED", events.get(2).getStatus().getValue());
        assertThat(events.get(0).getSummary().getValue(), containsString("treatment session 1 of 13"));

        problem(given().auth().oauth2(TestClinic.fresh().bookingToken())
                .get("/api/v1/courses/{id}/calendar.ics", course.id()), 404, "not-found");
    }

    @Test
    void theAgendaPagesOnePractitionersWeekByStartThenId() {
        BookedCourse course = BookedCourse.book(LocalDate.of(2027, 11, 1));
        String practitioner = course.view().getString("practitionerId");
        String room = course.view().getString("roomId");

        JsonPath first = given().auth().oauth2(course.clinic().bookingToken())
                .queryParam("from", "2027-11-08").queryParam("to", "2027-11-15")
                .queryParam("practitionerId", practitioner).queryParam("limit", 2)
                .get("/api/v1/sessions").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(4, 5), first.getList("items.number"));
        assertNotNull(first.getString("nextCursor"));
        JsonPath second = given().auth().oauth2(course.clinic().bookingToken())
                .queryParam("from", "2027-11-08").queryParam("to", "2027-11-15")
                .queryParam("practitionerId", practitioner).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/sessions").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(6), second.getList("items.number"));
        assertNull(second.getString("nextCursor"));
        assertEquals("2027-11-12T10:00:00+01:00", second.getString("items[0].start"));
        assertEquals(course.id().toString(), second.getString("items[0].courseId"));

        assertEquals(12, given().auth().oauth2(course.clinic().token("clinician"))
                .queryParam("from", "2027-11-01").queryParam("to", "2027-12-01").queryParam("roomId", room)
                .queryParam("limit", 100).get("/api/v1/sessions").then().statusCode(200).extract().jsonPath()
                .getList("items").size());
        assertEquals(List.of(), given().auth().oauth2(TestClinic.fresh().bookingToken())
                .queryParam("from", "2027-11-01").queryParam("to", "2027-12-01").queryParam("practitionerId", practitioner)
                .get("/api/v1/sessions").then().statusCode(200).extract().jsonPath().getList("items"),
                "another clinic sees none of these sessions");

        assertEquals("to", problem(given().auth().oauth2(course.clinic().bookingToken())
                .queryParam("from", "2027-11-08").queryParam("to", "2027-11-01").get("/api/v1/sessions"), 400, "validation")
                .getString("errors[0].field"));
        assertEquals("from", problem(given().auth().oauth2(course.clinic().bookingToken())
                .queryParam("to", "2027-11-08").get("/api/v1/sessions"), 400, "validation").getString("errors[0].field"));
        assertEquals("practitionerId", problem(given().auth().oauth2(course.clinic().bookingToken())
                .queryParam("from", "2027-11-01").queryParam("to", "2027-11-08").queryParam("practitionerId", "x")
                .get("/api/v1/sessions"), 400, "validation").getString("errors[0].field"));
    }
}

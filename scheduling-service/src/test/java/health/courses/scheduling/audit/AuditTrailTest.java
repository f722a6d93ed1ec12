package health.courses.scheduling.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.BookedCourse;
import health.courses.scheduling.support.TestClinic;
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
import org.junit.jupiter.api.Test;

/**
 * The audit log: one entry per change, written with the change (so a refused change has none), carrying who made it
 * (subject, clinic, authorising role) and the request id; nobody can rewrite it; each clinic reads only its own.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class AuditTrailTest {

    /** Mon 3 May 2027: sessions Mon/Wed/Fri at 10:00 (+02:00). */
    private static final LocalDate START = LocalDate.of(2027, 5, 3);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBookingAndARescheduleAreAuditedWithTheirCallerAndRequestId() {
        BookedCourse course = BookedCourse.book(START);

        Response moved = course.as("booking", "clinician").header("X-Request-Id", "desk-42.reschedule_1")
                .body(Map.of("start", "2027-05-10T11:30", "reason", "patient-request"))
                .post("/api/v1/sessions/{id}/reschedule", course.session(4));
        assertEquals(200, moved.statusCode(), moved.asString());
        assertEquals("desk-42.reschedule_1", moved.header("X-Request-Id"));

        JsonPath courseLog = audit(course.clinic(), "clinician", "resourceType=course&resourceId=" + course.id());
        assertEquals(List.of("course.booked"), courseLog.getList("items.action"));
        assertEquals("front-desk@" + course.clinic().id(), courseLog.getString("items[0].subject"));
        assertEquals("booking", courseLog.getString("items[0].role"));
        assertNotNull(courseLog.getString("items[0].requestId"), "a request without X-Request-Id gets one made up");
        assertNotNull(courseLog.getString("items[0].occurredAt"));

        JsonPath sessionLog = audit(course.clinic(), "operator", "resourceId=" + course.session(4));
        assertEquals(List.of("session.rescheduled"), sessionLog.getList("items.action"));
        assertEquals("session", sessionLog.getString("items[0].resourceType"));
        // The token holds booking and clinician; the endpoint allows booking first, so booking authorised the call.
        assertEquals("booking", sessionLog.getString("items[0].role"));
        assertEquals("desk-42.reschedule_1", sessionLog.getString("items[0].requestId"));

        Map<String, String> row = row("SELECT clinic_id::text AS clinic, subject, request_id FROM scheduling.audit_log "
                + "WHERE resource_id = '" + course.session(4) + "'");
        assertEquals(course.clinic().id().toString(), row.get("clinic"));
        assertEquals("front-desk@" + course.clinic().id(), row.get("subject"));

        // Every setup call of the clinic is in its log too, newest first.
        List<String> actions = audit(course.clinic(), "clinician", "").getList("items.action");
        assertEquals(List.of("session.rescheduled", "course.booked", "evaluation.recorded", "patient.created",
                "room.created", "practitioner.created"), actions);
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        BookedCourse course = BookedCourse.book(START);
        long before = entries(course.clinic().id());

        // 422: outside opening hours; 409: a completed-session change before it started; 412: a stale If-Match.
        assertEquals(422, course.sessionChange(4, "reschedule", Map.of("start", "2027-05-10T17:45")).statusCode());
        assertEquals(409, course.sessionChange(4, "complete", Map.of("intensity", 2)).statusCode());
        assertEquals(412, course.as("clinician").header("If-Match", "\"7\"").body(Map.of("reason", "illness"))
                .post("/api/v1/courses/{id}/cancel", course.id()).statusCode());
        assertEquals(400, course.as("booking").body(Map.of("name", " ")).post("/api/v1/rooms").statusCode());

        assertEquals(before, entries(course.clinic().id()));
    }

    @Test
    void theLogIsAppendOnly() {
        BookedCourse course = BookedCourse.book(START);
        SQLException update = assertThrows(SQLException.class, () -> execute(
                "UPDATE scheduling.audit_log SET subject = 'someone-else' WHERE clinic_id = '" + course.clinic().id() + "'"));
        assertThat(update.getMessage(), containsString("append-only"));
        SQLException delete = assertThrows(SQLException.class, () -> execute(
                "DELETE FROM scheduling.audit_log WHERE clinic_id = '" + course.clinic().id() + "'"));
        assertThat(delete.getMessage(), containsString("append-only"));
        assertEquals("front-desk@" + course.clinic().id(), audit(course.clinic(), "operator", "limit=1")
                .getString("items[0].subject"));
    }

    @Test
    void aClinicReadsOnlyItsOwnLogAndTheBookingRoleNone() {
        BookedCourse course = BookedCourse.book(START);
        TestClinic other = TestClinic.fresh();

        assertEquals(List.of(), audit(other, "clinician", "resourceId=" + course.id()).getList("items"));
        assertEquals(List.of(), audit(other, "operator", "").getList("items"));

        Response refused = given().auth().oauth2(course.clinic().bookingToken()).get("/api/v1/audit");
        assertEquals(403, refused.statusCode());
        assertThat(refused.jsonPath().getString("type"), endsWith("/forbidden"));
    }

    @Test
    void theLogIsPagedNewestFirst() {
        BookedCourse course = BookedCourse.book(START);
        JsonPath first = audit(course.clinic(), "clinician", "limit=4");
        assertEquals(4, first.getList("items").size());
        JsonPath second = audit(course.clinic(), "clinician", "limit=4&cursor=" + first.getString("nextCursor"));
        assertEquals(List.of("practitioner.created"), second.getList("items.action"), "5 entries: 4, then 1");
        assertEquals(null, second.getString("nextCursor"));
        Response malformed = given().auth().oauth2(course.clinic().token("clinician"))
                .get("/api/v1/audit?resourceId=nope");
        assertEquals(400, malformed.statusCode());
        assertEquals(List.of("resourceId"), malformed.jsonPath().getList("errors.field"));
    }

    private static JsonPath audit(TestClinic clinic, String role, String query) {
        return given().auth().oauth2(clinic.token(role)).accept(ContentType.JSON).get("/api/v1/audit" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).extract().jsonPath();
    }

    private long entries(UUID clinicId) {
        return Long.parseLong(row("SELECT count(*)::text AS n FROM scheduling.audit_log WHERE clinic_id = '" + clinicId + "'")
                .get("n"));
    }

    private Map<String, String> row(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            assertTrue(result.next(), sql);
            Map<String, String> row = new java.util.HashMap<>();
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                row.put(result.getMetaData().getColumnLabel(i), result.getString(i));
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}

package health.courses.scheduling.clinic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.TestClinic;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ClinicSetupTest {

    private static final Map<String, Object> SETTINGS = Map.of("name", "Praxis am Markt", "zone", "Europe/Vienna",
            "minGapHours", 48, "makeUpSessions", false, "openingHours", List.of(
                    Map.of("weekday", "MONDAY", "opens", "07:30", "closes", "19:00"),
                    Map.of("weekday", "SATURDAY", "opens", "09:00", "closes", "12:00")));

    @Test
    void theClinicStartsWithDefaultsAndChangesUnderIfMatch() {
        TestClinic clinic = TestClinic.fresh();
        Response initial = given().auth().oauth2(clinic.token("clinician")).get("/api/v1/clinic");
        JsonPath defaults = initial.then().statusCode(200).extract().jsonPath();
        assertEquals(44, defaults.getInt("minGapHours"));
        assertEquals(true, defaults.getBoolean("makeUpSessions"));
        assertThat(defaults.getList("openingHours.weekday"), contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
        assertEquals("08:00", defaults.getString("openingHours[0].opens"));
        assertEquals("\"1\"", initial.header("ETag"));

        Response changed = given().auth().oauth2(clinic.bookingToken()).header("If-Match", "\"1\"")
                .contentType(ContentType.JSON).body(SETTINGS).put("/api/v1/clinic");

        assertEquals(200, changed.statusCode(), changed.asString());
        assertEquals("\"2\"", changed.header("ETag"));
        JsonPath now = given().auth().oauth2(clinic.bookingToken()).get("/api/v1/clinic").jsonPath();
        assertEquals("Praxis am Markt", now.getString("name"));
        assertEquals("Europe/Vienna", now.getString("zone"));
        assertEquals(48, now.getInt("minGapHours"));
        assertEquals(false, now.getBoolean("makeUpSessions"));
        assertThat(now.getList("openingHours.weekday"), contains("MONDAY", "SATURDAY"));
        assertEquals(2, now.getInt("version"));

        Response stale = given().auth().oauth2(clinic.bookingToken()).header("If-Match", "\"1\"")
                .contentType(ContentType.JSON).body(SETTINGS).put("/api/v1/clinic");
        assertEquals(412, stale.statusCode(), stale.asString());
        assertEquals("https://courses.health/problems/version-mismatch", stale.jsonPath().getString("type"));
        assertEquals(2, stale.jsonPath().getInt("currentVersion"));
    }

    @Test
    void refusesAnOffsetZoneAndClosingBeforeOpening() {
        TestClinic clinic = TestClinic.fresh();
        Response bad = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "zone", "+02:00", "openingHours",
                        List.of(Map.of("weekday", "MONDAY", "opens", "18:00", "closes", "08:00"))))
                .put("/api/v1/clinic");
        assertEquals(400, bad.statusCode(), bad.asString());
        assertThat(bad.jsonPath().getList("errors.field"), contains("zone", "openingHours[0].closes"));
    }

    @Test
    void practitionersAndRoomsAreReadOneByOneAndPagedByCursor() {
        TestClinic clinic = TestClinic.fresh();
        UUID weber = clinic.addPractitioner("Dr. Weber");
        clinic.addPractitioner("Dr. Adler");
        clinic.addPractitioner("Dr. Roth");
        UUID room = clinic.addRoom("Room 1");

        assertEquals("Dr. Weber", given().auth().oauth2(clinic.token("clinician"))
                .get("/api/v1/practitioners/" + weber).then().statusCode(200).extract().jsonPath().getString("name"));
        assertEquals("Room 1", given().auth().oauth2(clinic.token("clinician"))
                .get("/api/v1/rooms/" + room).then().statusCode(200).extract().jsonPath().getString("name"));

        JsonPath first = given().auth().oauth2(clinic.bookingToken()).queryParam("limit", 2)
                .get("/api/v1/practitioners").jsonPath();
        assertThat(first.getList("items.name"), contains("Dr. Adler", "Dr. Roth"));
        JsonPath second = given().auth().oauth2(clinic.bookingToken()).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/practitioners").jsonPath();
        assertThat(second.getList("items.name"), contains("Dr. Weber"));
        assertNull(second.getString("nextCursor"));

        Response tooMany = given().auth().oauth2(clinic.bookingToken()).queryParam("limit", 101).get("/api/v1/rooms");
        assertEquals(400, tooMany.statusCode());
        assertThat(tooMany.jsonPath().getList("errors.field"), contains("limit"));
        Response forged = given().auth().oauth2(clinic.bookingToken()).queryParam("cursor", "bm90LW91cnM")
                .get("/api/v1/rooms");
        assertEquals(400, forged.statusCode());
        assertThat(forged.jsonPath().getList("errors.field"), contains("cursor"));
    }

    @Test
    void closuresAreAddedListedAndRemoved() {
        TestClinic clinic = TestClinic.fresh();
        String day = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("date", "2027-04-02", "reason", "Good Friday")).post("/api/v1/closures")
                .then().statusCode(201).extract().jsonPath().getString("id");
        given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("from", "2027-12-24", "to", "2027-12-31", "reason", "Winter break")).post("/api/v1/closures")
                .then().statusCode(201);

        JsonPath listed = given().auth().oauth2(clinic.token("clinician")).get("/api/v1/closures").jsonPath();
        assertThat(listed.getList("items.from"), contains("2027-04-02", "2027-12-24"));
        assertThat(listed.getList("items.to"), contains("2027-04-02", "2027-12-31"));

        assertEquals(403, given().auth().oauth2(clinic.token("clinician")).delete("/api/v1/closures/" + day).statusCode());
        assertEquals(204, given().auth().oauth2(clinic.bookingToken()).delete("/api/v1/closures/" + day).statusCode());
        assertThat(given().auth().oauth2(clinic.bookingToken()).get("/api/v1/closures").jsonPath().getList("items.from"),
                contains("2027-12-24"));

        Response both = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("date", "2027-04-02", "from", "2027-04-01")).post("/api/v1/closures");
        assertEquals(400, both.statusCode(), both.asString());
        Response backwards = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("from", "2027-04-02", "to", "2027-04-01")).post("/api/v1/closures");
        assertEquals(400, backwards.statusCode(), backwards.asString());
        assertThat(backwards.jsonPath().getList("errors.field"), contains("to"));
    }
}

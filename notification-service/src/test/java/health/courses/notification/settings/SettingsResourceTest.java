package health.courses.notification.settings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.Clinics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class SettingsResourceTest {

    private static final String PATH = "/api/v1/notification-settings";

    @Test
    void aClinicWithoutSettingsSeesTheDefaults() {
        given().auth().oauth2(Clinics.fresh().token("booking")).get(PATH)
                .then().statusCode(200)
                .body("reminderOffsets", equalTo(List.of("PT24H", "PT2H")))
                .body("quietHours.from", equalTo("21:00:00"))
                .body("quietHours.to", equalTo("08:00:00"))
                .body("checkIn.nextDayAt", equalTo("10:00:00"))
                .body("followUpDelay", equalTo("PT24H"))
                .body("version", equalTo(0));
    }

    @Test
    void storesSettingsAndRefusesAStaleIfMatch() {
        Clinics clinic = Clinics.fresh();
        // The defaults are version 0, the first save version 1: two different states never share an ETag.
        given().auth().oauth2(clinic.token("clinician")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("""
                        {"clinicName":"Praxis am Park","reminderOffsets":["PT48H","PT3H"],
                         "quietHours":{"from":"22:00","to":"07:30"},"checkIn":{"after":"PT2H"},
                         "followUpDelay":"PT12H","languages":["de"]}""")
                .put(PATH).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        // The ETag last answered is accepted as If-Match.
        given().auth().oauth2(clinic.token("operator")).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"clinicName\":\"Praxis am Park\"}").put(PATH).then().statusCode(200)
                .header("ETag", "\"2\"").body("version", equalTo(2));

        given().auth().oauth2(clinic.token("booking")).get(PATH).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("clinicName", equalTo("Praxis am Park"))
                .body("reminderOffsets", equalTo(List.of("PT24H", "PT2H")))
                .body("version", equalTo(2));
        given().auth().oauth2(clinic.token("clinician")).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"clinicName\":\"Another name\"}").put(PATH)
                .then().statusCode(412).body("type", equalTo("https://courses.health/problems/version-mismatch"));
    }

    @Test
    void invalidSettingsAreNamedFieldByField() {
        given().auth().oauth2(Clinics.fresh().token("clinician")).contentType(ContentType.JSON)
                .body("""
                        {"clinicName":"","reminderOffsets":["PT0S","tomorrow","P30D"],
                         "checkIn":{"nextDayAt":"10:00","after":"PT1H"},"languages":["fr"]}""")
                .put(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("clinicName"))
                .body("errors.field", hasItem("reminderOffsets[0]"))
                .body("errors.field", hasItem("reminderOffsets[1]"))
                .body("errors.field", hasItem("reminderOffsets[2]"))
                .body("errors.field", hasItem("checkIn.exactlyOne"))
                .body("errors.field", hasItem("languages[0]"));
    }

    @Test
    void onlyCliniciansAndOperatorsChangeSettings() {
        given().auth().oauth2(Clinics.fresh().token("booking")).contentType(ContentType.JSON)
                .body("{\"clinicName\":\"Praxis\"}").put(PATH).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"clinicName\":\"Praxis\"}").put(PATH).then().statusCode(401);
    }
}

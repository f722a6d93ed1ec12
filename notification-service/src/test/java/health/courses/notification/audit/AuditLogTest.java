package health.courses.notification.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.Clinics;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Every accepted change leaves one audit entry in its own transaction; refused ones leave none. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class AuditLogTest {

    private static final String CONTACT = "/api/v1/patients/{patientId}/contact";
    private static final String AUDIT = "/api/v1/notification-audit";

    @Test
    void aContactChangeIsAuditedWithWhoWhatAndTheRequestId() {
        Clinics clinic = Clinics.fresh();
        UUID patient = UUID.randomUUID();
        given().auth().oauth2(clinic.token("booking")).header("X-Request-Id", "req-create-" + patient)
                .contentType(ContentType.JSON).body(Map.of("email", "audit@example.org"))
                .put(CONTACT, patient).then().statusCode(201).header("X-Request-Id", "req-create-" + patient);
        given().auth().oauth2(clinic.token("booking")).header("X-Request-Id", "req-update-" + patient)
                .contentType(ContentType.JSON).body(Map.of("email", "audit.new@example.org"))
                .put(CONTACT, patient).then().statusCode(200);

        List<Map<String, Object>> items = audit(clinic, "contact", patient.toString()).getList("items");

        assertThat(items, hasSize(2));
        assertThat(items.get(0).get("action"), equalTo("contact.updated"));
        assertThat(items.get(0).get("requestId"), equalTo("req-update-" + patient));
        assertThat(items.get(1).get("action"), equalTo("contact.created"));
        assertThat(items.get(1).get("requestId"), equalTo("req-create-" + patient));
        assertThat(items.get(1).get("subject"), equalTo("test-user"));
        assertThat(items.get(1).get("role"), equalTo("booking"));
        assertThat(items.get(1).get("clinicId"), equalTo(clinic.id().toString()));
        assertThat(items.get(1).get("resourceType"), equalTo("contact"));
        assertThat(items.get(1).get("occurredAt"), notNullValue());
        // No patient data in the audit trail.
        assertThat(items.toString(), org.hamcrest.Matchers.not(containsString("audit@example.org")));
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        Clinics clinic = Clinics.fresh();
        UUID patient = UUID.randomUUID();
        given().auth().oauth2(clinic.token("booking")).contentType(ContentType.JSON).body(Map.of("email", "not-an-address"))
                .put(CONTACT, patient).then().statusCode(400);
        given().auth().oauth2(clinic.token("booking")).header("If-Match", "\"3\"").contentType(ContentType.JSON)
                .body(Map.of("email", "refused@example.org")).put(CONTACT, patient).then().statusCode(412);
        given().auth().oauth2(clinic.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("email", "refused@example.org")).put(CONTACT, patient).then().statusCode(403);

        assertThat(audit(clinic, "contact", patient.toString()).getList("items"), hasSize(0));
        assertThat(TestStack.query("select id from audit_log where clinic_id = ?", clinic.id()), hasSize(0));
    }

    @Test
    void aSettingsChangeIsAudited() {
        Clinics clinic = Clinics.fresh();
        clinic.settings("Praxis Audit", "PT24H");

        List<Map<String, Object>> items = audit(clinic, "notification-settings", clinic.id().toString()).getList("items");
        assertThat(items, hasSize(1));
        assertThat(items.get(0).get("action"), equalTo("notification-settings.updated"));
        assertThat(items.get(0).get("role"), equalTo("clinician"));
    }

    @Test
    void theLogIsAppendOnly() {
        Clinics clinic = Clinics.fresh();
        clinic.contact(UUID.randomUUID(), Map.of("email", "append@example.org"));

        IllegalStateException update = assertThrows(IllegalStateException.class,
                () -> TestStack.execute("update audit_log set subject = 'someone-else' where clinic_id = ?", clinic.id()));
        assertThat(update.getCause().getMessage(), containsString("append-only"));
        IllegalStateException delete = assertThrows(IllegalStateException.class,
                () -> TestStack.execute("delete from audit_log where clinic_id = ?", clinic.id()));
        assertThat(delete.getCause().getMessage(), containsString("append-only"));
        assertThat(TestStack.query("select subject from audit_log where clinic_id = ?", clinic.id()),
                equalTo(List.of(Map.of("subject", "test-user"))));
    }

    @Test
    void aClinicSeesOnlyItsOwnEntriesAndBookingSystemsNone() {
        Clinics mine = Clinics.fresh();
        Clinics other = Clinics.fresh();
        UUID patient = UUID.randomUUID();
        mine.contact(patient, Map.of("email", "isolated@example.org"));

        assertThat(audit(other, "contact", patient.toString()).getList("items"), hasSize(0));
        assertThat(audit(other, null, null).getList("items"), hasSize(0));
        given().auth().oauth2(mine.token("operator")).get(AUDIT).then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(mine.token("booking")).get(AUDIT)
                .then().statusCode(403).contentType("application/problem+json");
        given().get(AUDIT).then().statusCode(401);
    }

    @Test
    void theAuditListPagesByCursorAndCapsItsLimit() {
        Clinics clinic = Clinics.fresh();
        for (int i = 0; i < 3; i++) {
            clinic.contact(UUID.randomUUID(), Map.of("email", "page" + i + "@example.org"));
        }
        JsonPath first = given().auth().oauth2(clinic.token("clinician")).queryParam("limit", 2).get(AUDIT)
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items"), hasSize(2));
        given().auth().oauth2(clinic.token("clinician")).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get(AUDIT)
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", org.hamcrest.Matchers.nullValue());

        given().auth().oauth2(clinic.token("clinician")).queryParam("limit", 101).get(AUDIT)
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    private static JsonPath audit(Clinics clinic, String resourceType, String resourceId) {
        var request = given().auth().oauth2(clinic.token("clinician"));
        if (resourceType != null) {
            request = request.queryParam("resourceType", resourceType).queryParam("resourceId", resourceId);
        }
        return request.get(AUDIT).then().statusCode(200).extract().jsonPath();
    }
}

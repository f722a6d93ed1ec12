package health.courses.scheduling.patient;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.EventSchemas;
import health.courses.scheduling.support.Rows;
import health.courses.scheduling.support.TestClinic;
import health.courses.scheduling.support.Topics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a registration publishes patient.registered.v1 through the outbox (in its transaction, keyed by the
 * patient id, ids and time only), so notification-service can tell the clinic of a patient id; a refused one none.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class PatientRegisteredEventTest {

    private static final String TOPIC = "treatment-course-events";

    @Inject
    Rows rows;

    @Test
    void aRegistrationPublishesItsClinicAndIdOnceKeyedByThePatient() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        String id = register(clinic, "REG-1").then().statusCode(201).extract().jsonPath().getString("id");

        List<ConsumerRecord<String, String>> events = Topics.read(TOPIC, record -> id.equals(record.key()), 1,
                Duration.ofSeconds(1));
        assertEquals(1, events.size(), "one event for one registration");
        ConsumerRecord<String, String> event = events.get(0);
        assertEquals("patient.registered.v1", Topics.header(event, "ce_type"));
        assertEquals(id, Topics.header(event, "ce_subject"));
        EventSchemas.assertValid("patient.registered.v1", event.value());
        JsonNode data = new ObjectMapper().readTree(event.value());
        assertEquals(List.of("clinicId", "patientId", "registeredAt"), fieldNames(data));
        assertEquals(clinic.id().toString(), data.get("clinicId").asText());
        assertEquals(id, data.get("patientId").asText());
        // the clinic's clock (tests may place it elsewhere in time): an instant, nothing more to say about it
        Instant.parse(data.get("registeredAt").asText());
    }

    @Test
    void aRefusedRegistrationPublishesNothing() {
        TestClinic clinic = TestClinic.fresh();
        String id = register(clinic, "REG-2").then().statusCode(201).extract().jsonPath().getString("id");
        register(clinic, "REG-2").then().statusCode(409);
        // the refused registration rolled back with its outbox row: the clinic's only patient row is the first one's
        assertEquals(1, rows.outboxRowsOf(UUID.fromString(id)));
        assertEquals(1, count(clinic.id()));
    }

    private long count(UUID clinicId) {
        return rows.patientRegistrations(clinicId);
    }

    private static io.restassured.response.Response register(TestClinic clinic, String reference) {
        return given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("externalReference", reference, "zone", "Europe/Berlin", "language", "de"))
                .post("/api/v1/patients");
    }

    private static List<String> fieldNames(JsonNode data) {
        List<String> names = new java.util.ArrayList<>();
        data.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package health.courses.scheduling.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.EventSchemas;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The published contract: an AsyncAPI 3 document and one JSON Schema per event type, each with valid examples. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class EventContractTest {

    private static final List<String> ALL_TYPES = Stream.concat(EventSchemas.COURSE_TYPES.stream(),
            EventSchemas.PATIENT_TYPES.stream()).toList();

    @Test
    void theAsyncApiDocumentAndSchemasAreServedWithoutAToken() throws Exception {
        String yaml = given().get("/asyncapi/asyncapi.yaml").then().statusCode(200).extract().asString();
        JsonNode doc = new YAMLMapper().readTree(yaml);
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        for (String type : ALL_TYPES) {
            String schema = given().get("/asyncapi/schemas/" + type + ".json").then().statusCode(200)
                    .extract().asString();
            assertEquals(EventSchemas.schemaDocument(type), new ObjectMapper().readTree(schema), type);
        }
    }

    @Test
    void everyEventTypeIsAMessageOfItsChannelWithItsSchemaAndTheCloudEventsHeaders() throws Exception {
        JsonNode doc = asyncApi();
        assertEquals(EventSchemas.COURSE_TYPES, typesOf(doc, "treatment-course-events"));
        assertEquals(EventSchemas.PATIENT_TYPES, typesOf(doc, "patient-checkin-events"));
        for (JsonNode message : doc.at("/components/messages")) {
            String type = message.get("name").asText();
            assertEquals("./schemas/" + type + ".json", message.at("/payload/schema/$ref").asText(), type);
            JsonNode headers = message.at("/headers/properties");
            for (String header : List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "ce_subject",
                    "content-type")) {
                assertTrue(headers.has(header), type + " header " + header);
            }
            assertEquals(type, headers.at("/ce_type/const").asText());
            String source = EventSchemas.PATIENT_TYPES.contains(type) ? "/notification-service" : "/scheduling-service";
            assertEquals(source, headers.at("/ce_source/const").asText(), type);
            assertFalse(message.at("/examples").isEmpty(), type + " has examples");
        }
        assertEquals("uuid", doc.at("/components/schemas/CourseKey/format").asText());
    }

    @Test
    void everySchemaIsStrictAndItsExamplesAreValid() {
        for (String type : ALL_TYPES) {
            JsonNode schema = EventSchemas.schemaDocument(type);
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText(), type);
            assertFalse(schema.get("additionalProperties").asBoolean(true), type + " forbids extra fields");
            assertFalse(schema.get("examples").isEmpty(), type + " has examples");
            for (JsonNode example : schema.get("examples")) {
                assertEquals(List.of(), List.copyOf(EventSchemas.problems(type, example)), type + " example");
            }
        }
    }

    @Test
    void theAsyncApiExamplesMatchTheSchemas() throws Exception {
        for (JsonNode message : asyncApi().at("/components/messages")) {
            String type = message.get("name").asText();
            for (JsonNode example : message.get("examples")) {
                assertEquals(List.of(), List.copyOf(EventSchemas.problems(type, example.get("payload"))), type);
                assertEquals(type, example.at("/headers/ce_type").asText());
            }
        }
    }

    @Test
    void anUnknownFieldSuchAsAContactDetailFailsValidation() {
        for (String type : ALL_TYPES) {
            ObjectNode example = (ObjectNode) EventSchemas.schemaDocument(type).get("examples").get(0).deepCopy();
            example.put("email", "patient@example.test");
            assertFalse(EventSchemas.problems(type, example).isEmpty(), type + " must refuse an extra field");
        }
    }

    @Test
    void aMalformedIdOrTimeFailsValidation() {
        ObjectNode session = (ObjectNode) EventSchemas.schemaDocument("session.scheduled.v1").get("examples").get(0)
                .deepCopy();
        session.put("sessionId", "not-a-uuid");
        session.put("start", "tomorrow at ten");
        assertEquals(2, EventSchemas.problems("session.scheduled.v1", session).size());
    }

    private static JsonNode asyncApi() throws Exception {
        try (var in = EventContractTest.class.getClassLoader()
                .getResourceAsStream(EventSchemas.LOCATION + "asyncapi.yaml")) {
            return new YAMLMapper().readTree(in);
        }
    }

    private static List<String> typesOf(JsonNode doc, String channel) {
        List<String> types = new ArrayList<>();
        doc.at("/channels/" + channel + "/messages").fieldNames().forEachRemaining(name -> types.add(
                doc.at("/components/messages/" + name + "/name").asText()));
        return types;
    }
}

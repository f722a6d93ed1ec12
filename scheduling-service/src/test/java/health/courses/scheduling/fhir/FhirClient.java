package health.courses.scheduling.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * A FHIR client for the tests: HTTP with a bearer token, bodies written and read by HAPI's R4 parser, and every
 * resource read checked by HAPI's validator against the base R4 schemas (hapi-fhir-validation-resources-r4).
 * HAPI's generic client and its instance validator are not served by the registry this project builds from, so
 * this client stands in for the former, and the schema validation is the validation that is available.
 */
final class FhirClient {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = validator();

    private final String token;

    FhirClient(String token) {
        this.token = token;
    }

    RequestSpecification request() {
        return given().auth().oauth2(token).accept("application/fhir+json").contentType("application/fhir+json");
    }

    Response post(String path, IBaseResource body) {
        return request().body(CONTEXT.newJsonParser().encodeResourceToString(body)).post("/fhir/r4/" + path);
    }

    Response get(String path) {
        return request().get("/fhir/r4/" + path);
    }

    /** Parses the answer, checks its status and validates it (and, for a Bundle, every entry). */
    static <T extends Resource> T read(Response response, int status, Class<T> type) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("application/fhir+json", response.contentType().split(";")[0]);
        T resource = CONTEXT.newJsonParser().parseResource(type, response.asString());
        valid(resource);
        return resource;
    }

    static void valid(Resource resource) {
        ValidationResult result = VALIDATOR.validateWithResult(resource);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
        assertEquals(List.of(), errors.stream().map(message -> message.getLocationString() + ": " + message.getMessage())
                .toList(), resource.fhirType() + " is not valid R4");
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().forEach(entry -> valid(entry.getResource()));
        }
    }

    private static FhirValidator validator() {
        FhirValidator validator = CONTEXT.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        return validator;
    }
}

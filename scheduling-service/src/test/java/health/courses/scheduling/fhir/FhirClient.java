package health.courses.scheduling.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.function.Executable;

/**
 * The EHR in the tests: HAPI's generic client ({@link IGenericClient}) with the clinic's bearer token, and HAPI's
 * instance validator (base R4 profiles, terminology offline) on every resource it receives. Plain HTTP
 * ({@link #request()}) only where the test must send what a FHIR client would not (a stale If-Match, a bad body).
 */
final class FhirClient {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = validator();

    private final String token;
    private final IGenericClient client;

    FhirClient(String token) {
        this.token = token;
        this.client = CONTEXT.newRestfulGenericClient(RestAssured.baseURI + ":" + RestAssured.port + "/fhir/r4");
        this.client.registerInterceptor(new BearerTokenAuthInterceptor(token));
    }

    /** HAPI's generic client for this clinic's token: what an EHR uses. */
    IGenericClient ehr() {
        return client;
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

    /** Parses a plain HTTP answer, checks its status and validates it. */
    static <T extends Resource> T read(Response response, int status, Class<T> type) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("application/fhir+json", response.contentType().split(";")[0]);
        return valid(CONTEXT.newJsonParser().parseResource(type, response.asString()));
    }

    /** The OperationOutcome of a refusal the generic client received (HAPI throws it), checked and validated. */
    static OperationOutcome refused(int status, Executable call) {
        BaseServerResponseException refusal = assertThrows(BaseServerResponseException.class, call);
        assertEquals(status, refusal.getStatusCode(), refusal.getMessage());
        return valid((OperationOutcome) refusal.getOperationOutcome());
    }

    /** Validates a resource (and every entry of a Bundle) against base R4: no error allowed. */
    static <T extends Resource> T valid(T resource) {
        assertEquals(List.of(), errors(resource), resource.fhirType() + " is not valid R4");
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().forEach(entry -> valid(entry.getResource()));
        }
        return resource;
    }

    /** What the instance validator finds wrong (errors and fatal errors), each with its place. */
    static List<String> errors(Resource resource) {
        ValidationResult result = VALIDATOR.validateWithResult(resource);
        return result.getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(message -> message.getLocationString() + ": " + message.getMessage()).toList();
    }

    /**
     * The instance validator with everything offline: the base R4 StructureDefinitions and ValueSets HAPI ships, the
     * common code systems (languages, UCUM, time zones...), in-memory expansion, snapshots for profiles. Code systems
     * of our own are unknown to it: it warns and does not fail on them, which is right for example-bound elements.
     */
    private static FhirValidator validator() {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT), new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT));
        FhirInstanceValidator instance = new FhirInstanceValidator(support);
        return CONTEXT.newValidator().registerValidatorModule(instance);
    }
}

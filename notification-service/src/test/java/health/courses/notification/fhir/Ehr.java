package health.courses.notification.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import io.restassured.RestAssured;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.function.Executable;

/**
 * An EHR in the tests: HAPI's generic client with a clinic's token, and HAPI's instance validator (base R4, all
 * offline) for everything it receives. The same kind of client as scheduling-service's FHIR tests use.
 */
final class Ehr {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final FhirValidator BASE_R4 = R4.newValidator().registerValidatorModule(new FhirInstanceValidator(
            new ValidationSupportChain(new DefaultProfileValidationSupport(R4), new CommonCodeSystemsTerminologyService(R4),
                    new InMemoryTerminologyServerValidationSupport(R4))));

    private Ehr() {
    }

    static IGenericClient client(String token) {
        IGenericClient client = R4.newRestfulGenericClient(RestAssured.baseURI + ":" + RestAssured.port + "/fhir/r4");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    /** No validation error, in the resource or in any entry of a Bundle. */
    static <T extends Resource> T valid(T resource) {
        List<String> errors = BASE_R4.validateWithResult(resource).getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(message -> message.getLocationString() + ": " + message.getMessage()).toList();
        assertEquals(List.of(), errors, resource.fhirType() + " is not valid R4");
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().forEach(entry -> valid(entry.getResource()));
        }
        return resource;
    }

    /** The OperationOutcome a refused call answered, with its status. */
    static OperationOutcome refused(int status, Executable call) {
        BaseServerResponseException refusal = assertThrows(BaseServerResponseException.class, call);
        assertEquals(status, refusal.getStatusCode(), refusal.getMessage());
        return valid((OperationOutcome) refusal.getOperationOutcome());
    }
}

package health.courses.scheduling.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import health.courses.scheduling.problem.InvalidInput;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The one {@link FhirContext} of the service (building it scans the R4 model, so it is made once) and the JSON
 * parsing and writing every FHIR resource class shares. A parser is cheap and not thread-safe: one per call.
 */
@Singleton
public class FhirJson {

    public static final String MEDIA_TYPE = "application/fhir+json";

    private final FhirContext context = FhirContext.forR4();

    /**
     * The context reads the model of a resource type the first time it meets it, which takes seconds for the
     * Bundle, ServiceRequest and Appointment; done after start on a worker thread, so neither the start nor the
     * event loop of the first FHIR request waits for it. Static, with the bean looked up on the worker: building
     * the context itself (about a second) is off the start too.
     */
    static void warmUp(@Observes StartupEvent started, Instance<FhirJson> fhir) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            FhirContext context = fhir.get().context();
            for (String type : List.of("Bundle", "ServiceRequest", "Appointment", "Patient", "OperationOutcome",
                    "CapabilityStatement", "Parameters")) {
                context.getResourceDefinition(type);
            }
            fhir.get().write(new org.hl7.fhir.r4.model.Bundle().addEntry(new org.hl7.fhir.r4.model.Bundle.BundleEntryComponent()
                    .setResource(new org.hl7.fhir.r4.model.Appointment())));
        });
    }

    public FhirContext context() {
        return context;
    }

    /** Reads a body as the resource type the interaction expects; anything else is a 400 naming the body. */
    public <T extends IBaseResource> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body", "required", "must be a FHIR " + type.getSimpleName() + " in JSON");
        }
        try {
            IParser parser = context.newJsonParser();
            return parser.parseResource(type, body);
        } catch (DataFormatException e) {
            throw new InvalidInput("body", "fhir-json", "must be a FHIR " + type.getSimpleName() + " in JSON");
        }
    }

    public String write(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    public Response ok(IBaseResource resource) {
        return Response.ok(write(resource), MEDIA_TYPE).build();
    }
}

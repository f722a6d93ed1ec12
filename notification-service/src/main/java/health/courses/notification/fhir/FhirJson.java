package health.courses.notification.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The service's one {@link FhirContext} (it scans the R4 model, so it is built once; as in scheduling-service) and
 * the answers every FHIR resource class writes: a resource, or a refusal as an OperationOutcome.
 */
@Singleton
public class FhirJson {

    public static final String MEDIA_TYPE = "application/fhir+json";
    /** The Problem types of the REST API, read as a code system (the same system as scheduling-service's facade). */
    static final String PROBLEM_SYSTEM = "https://courses.health/problems";

    private final FhirContext context = FhirContext.forR4();

    /**
     * The context and the model of the resources served are built on a worker after start: neither the start (a
     * static observer does not create the bean) nor, usually, the first request's event loop waits for them. Not at
     * once, though: right after a restart the consumer applies the backlog that built up meanwhile, and the model's
     * seconds of CPU competed with it (the consumption row's profile); {@code courses.fhir.warm-up-delay} later it
     * is built while the service is usually idle. A FHIR request before then builds it itself, as one would without
     * any warm-up.
     */
    static void warmUp(@Observes StartupEvent started, Instance<FhirJson> fhir,
            @ConfigProperty(name = "courses.fhir.warm-up-delay", defaultValue = "PT15S") Duration delay) {
        Infrastructure.getDefaultWorkerPool().schedule(() -> fhir.get().write(CheckInQuestionnaire.of(1, List.of("de"))),
                delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String write(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    public Response ok(IBaseResource resource) {
        return Response.ok(write(resource), MEDIA_TYPE).build();
    }

    /** A refusal: the REST API's status and Problem type (its last segment) as the issue's details code. */
    public Response refusal(int status, IssueType code, String problem, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code).setDiagnostics(diagnostics)
                .getDetails().addCoding().setSystem(PROBLEM_SYSTEM).setCode(problem);
        return Response.status(status).type(MEDIA_TYPE).entity(write(outcome)).build();
    }

    public Response notFound(String what) {
        return refusal(404, IssueType.NOTFOUND, "not-found", "No " + what + " in your clinic");
    }
}

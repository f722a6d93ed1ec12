package health.courses.scheduling.patient;

import health.courses.scheduling.api.Created;
import health.courses.scheduling.api.CreationLimits;
import health.courses.scheduling.api.Idempotency;
import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.problem.Ids;
import health.courses.scheduling.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "Patients for scheduling (no contact details) and their evaluations")
public class PatientResource {

    private final Patients patients;
    private final Idempotency idempotency;
    private final Caller caller;
    private final CreationLimits limits;

    PatientResource(Patients patients, Idempotency idempotency, Caller caller, CreationLimits limits) {
        this.patients = patients;
        this.limits = limits;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN })
    @Operation(summary = "Register a patient for scheduling")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewPatient.class), examples = @ExampleObject(
            name = "a patient", value = "{\"externalReference\": \"PAT-2027-0042\", \"zone\": \"Europe/Berlin\", \"language\": \"de\"}")))
    @APIResponse(responseCode = "201", description = "Registered; Location names the patient",
            content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The external reference is taken (external-reference-taken); `existingPatientId` names the patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "external-reference-taken", value = """
                            {"type": "https://courses.health/problems/external-reference-taken", "title": "External reference already used",
                             "status": 409, "detail": "Your clinic already has patient 5f0c6b1e-2a44-4c8e-9b1d-7a3e2f6d8c90 with external reference PAT-2027-0042",
                             "existingPatientId": "5f0c6b1e-2a44-4c8e-9b1d-7a3e2f6d8c90"}""")))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body (idempotency-key-reuse)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The clinic is over its rate limit for creating requests (rate-limited); Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> add(
            @Parameter(description = "Retry-safe creation: the same key and body answer the first result for 24 h")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewPatient request) {
        UUID clinicId = caller.clinicId();
        return limits.acquire(clinicId).chain(() -> idempotency.create(clinicId, idempotencyKey, "POST /api/v1/patients", request,
                () -> patients.add(clinicId, request).map(added -> Created.of(
                        URI.create("/api/v1/patients/" + added.id), added.version, PatientView.of(added))))
                .map(Created::toResponse));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "One patient")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "404", description = "No such patient in the caller's clinic (not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PatientView> get(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return patients.find(caller.clinicId(), Ids.parse("id", id)).map(PatientView::of);
    }
}

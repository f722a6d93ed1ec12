package health.courses.scheduling.evaluation;

import health.courses.scheduling.api.Created;
import health.courses.scheduling.api.CreationLimits;
import health.courses.scheduling.api.Idempotency;
import health.courses.scheduling.api.PageRequest;
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
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1/patients/{patientId}/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
public class EvaluationResource {

    private final Evaluations evaluations;
    private final Idempotency idempotency;
    private final Caller caller;
    private final CreationLimits limits;

    EvaluationResource(Evaluations evaluations, Idempotency idempotency, Caller caller, CreationLimits limits) {
        this.evaluations = evaluations;
        this.limits = limits;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Record a clinical evaluation",
            description = "A course needs an evaluation at most 30 days old at its start, without acute-prostatitis or extensive-calcification.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewEvaluation.class), examples = @ExampleObject(
            name = "chronic prostatitis", value = "{\"date\": \"2027-03-15\", \"clinician\": \"Dr. Weber\", \"findings\": [\"chronic-prostatitis\", \"congestion\"]}")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, e.g. an unknown finding code or a future date (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown finding", value = """
                            {"type": "https://courses.health/problems/validation", "title": "The request is not valid", "status": 400,
                             "detail": "findings[0]: must be one of chronic-prostatitis, acute-prostatitis, extensive-calcification, congestion, oedema",
                             "errors": [{"field": "findings[0]", "rule": "format",
                                         "message": "must be one of chronic-prostatitis, acute-prostatitis, extensive-calcification, congestion, oedema"}]}""")))
    @APIResponse(responseCode = "404", description = "No such patient in the caller's clinic (not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body (idempotency-key-reuse)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The clinic is over its rate limit for creating requests (rate-limited); Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> add(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("patientId") String patientId,
            @Parameter(description = "Retry-safe creation: the same key and body answer the first result for 24 h")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewEvaluation request) {
        UUID clinicId = caller.clinicId();
        UUID patient = Ids.parse("patientId", patientId);
        String recordedBy = caller.subject();
        return limits.acquire(clinicId).chain(() -> idempotency.create(clinicId, idempotencyKey, "POST /api/v1/patients/" + patient + "/evaluations", request,
                () -> evaluations.add(clinicId, patient, recordedBy, request).map(added -> Created.of(
                        URI.create("/api/v1/patients/" + patient + "/evaluations/" + added.id), added.version,
                        EvaluationView.of(added))))
                .map(Created::toResponse));
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.BOOKING })
    @Operation(summary = "A patient's evaluations, newest first, a page at a time")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EvaluationList.class)))
    @APIResponse(responseCode = "404", description = "No such patient in the caller's clinic (not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EvaluationList> list(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("patientId") String patientId,
            @Parameter(description = "1-100, 50 when absent") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return evaluations.list(caller.clinicId(), Ids.parse("patientId", patientId), PageRequest.of(limit, cursor))
                .map(page -> new EvaluationList(page.items(), page.nextCursor()));
    }
}

package health.courses.scheduling.fhir;

import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.evaluation.EvaluationView;
import health.courses.scheduling.evaluation.Evaluations;
import health.courses.scheduling.evaluation.Finding;
import health.courses.scheduling.problem.Ids;
import health.courses.scheduling.problem.InvalidInput;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The evaluations whose findings feed the clinical gate, as ClinicalImpressions (one per evaluation, a finding
 * each). The findings are coded in this service's own CodeSystem: see the FHIR section of the README for why no
 * SNOMED CT coding is sent beside them.
 */
@Path("/fhir/r4/ClinicalImpression")
@Produces(FhirJson.MEDIA_TYPE)
@Tag(name = "FHIR R4")
public class EvaluationFhirResource {

    private final Evaluations evaluations;
    private final Caller caller;
    private final FhirJson fhir;
    private final Outcomes outcomes;

    EvaluationFhirResource(Evaluations evaluations, Caller caller, FhirJson fhir, Outcomes outcomes) {
        this.evaluations = evaluations;
        this.caller = caller;
        this.fhir = fhir;
        this.outcomes = outcomes;
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.BOOKING })
    @Operation(summary = "FHIR search ClinicalImpression (a patient's evaluations), newest first",
            description = "patient is required; at most 100. Findings are coded in " + FhirCodes.FINDINGS + ".")
    @APIResponse(responseCode = "200", description = "A searchset Bundle",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "No patient, or a malformed one (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such patient in the caller's clinic (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> search(
            @Parameter(description = "Patient/{id} or the id", schema = @Schema(type = SchemaType.STRING)) @QueryParam("patient") String patient,
            @Context UriInfo uri) {
        return outcomes.answer(Map.of(), () -> {
            if (patient == null || patient.isBlank()) {
                throw new InvalidInput("patient", "required", "search a patient's evaluations: patient=Patient/{id}");
            }
            UUID patientId = Ids.parse("patient", patient.substring(patient.lastIndexOf('/') + 1));
            return evaluations.list(caller.clinicId(), patientId, PageRequest.of(PageRequest.MAX_LIMIT, null))
                    .map(page -> {
                        List<Resource> found = page.items().stream().map(EvaluationFhirResource::of)
                                .map(Resource.class::cast).toList();
                        return Response.ok(fhir.write(FhirBundles.searchset(uri, found)), FhirJson.MEDIA_TYPE).build();
                    });
        });
    }

    static ClinicalImpression of(EvaluationView evaluation) {
        ClinicalImpression impression = new ClinicalImpression();
        impression.setId(evaluation.id().toString());
        impression.setMeta(FhirCodes.version(evaluation.version()));
        impression.setStatus(ClinicalImpression.ClinicalImpressionStatus.COMPLETED);
        impression.setSubject(FhirCodes.reference("Patient", evaluation.patientId()));
        impression.setEffective(new DateTimeType(evaluation.date().toString()));
        impression.setAssessor(new Reference().setDisplay(evaluation.clinician()));
        for (Finding finding : evaluation.findings()) {
            impression.addFinding().setItemCodeableConcept(new CodeableConcept(
                    new Coding(FhirCodes.FINDINGS, finding.code(), display(finding))));
        }
        return impression;
    }

    private static String display(Finding finding) {
        String words = finding.code().replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

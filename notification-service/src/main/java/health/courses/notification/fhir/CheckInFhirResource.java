package health.courses.notification.fhir;

import health.courses.notification.checkin.CheckInConfig;
import health.courses.notification.clinic.CallerClinic;
import health.courses.notification.clinic.Roles;
import health.courses.notification.settings.SettingsService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The check-in for an EHR, read-only: the questions as a Questionnaire (any role of the clinic: the texts come in the
 * clinic's languages) and each answer as a QuestionnaireResponse (clinicians, as the REST API's check-ins). Another
 * clinic's ids answer 404, as everywhere.
 */
@Path("/fhir/r4")
@Produces(FhirJson.MEDIA_TYPE)
@Tag(name = "FHIR R4", description = "HL7 FHIR R4 facade over the check-ins (application/fhir+json), read-only; refusals are OperationOutcomes")
public class CheckInFhirResource {

    private final FhirJson fhir;
    private final CallerClinic clinic;
    private final SettingsService settings;
    private final CheckInResponses responses;
    private final CheckInConfig config;

    CheckInFhirResource(FhirJson fhir, CallerClinic clinic, SettingsService settings, CheckInResponses responses,
            CheckInConfig config) {
        this.fhir = fhir;
        this.clinic = clinic;
        this.settings = settings;
        this.responses = responses;
        this.config = config;
    }

    @GET
    @Path("/Questionnaire/{id}")
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "FHIR read Questionnaire: the check-in",
            description = "check-in-{version}: the check-in's questions under the triage rules of that version (1 up to the current one).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such Questionnaire (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> questionnaire(@PathParam("id") String id) {
        int version = CheckInQuestionnaire.version(id);
        if (version < 1 || version > config.rules().version()) {
            return Uni.createFrom().item(fhir.notFound("Questionnaire " + id));
        }
        return languages().map(languages -> fhir.ok(CheckInQuestionnaire.of(version, languages)));
    }

    @GET
    @Path("/Questionnaire")
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "FHIR search Questionnaire by url",
            description = "url = the check-in's canonical URL, optionally |version; without url, the current version.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Not answered here (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> questionnaires(@Parameter(description = "canonical URL, optionally |version") @QueryParam("url") String url,
            @Context UriInfo uri) {
        int current = config.rules().version();
        List<Integer> versions = new ArrayList<>();
        if (url == null || url.isBlank() || url.equals(CheckInQuestionnaire.URL)) {
            versions.add(current);
        } else if (url.startsWith(CheckInQuestionnaire.URL + "|")) {
            int version = CheckInQuestionnaire.version("check-in-" + url.substring(CheckInQuestionnaire.URL.length() + 1));
            if (version >= 1 && version <= current) {
                versions.add(version);
            }
        }
        return languages().map(languages -> fhir.ok(searchset(uri, versions.stream()
                .<Resource>map(version -> CheckInQuestionnaire.of(version, languages)).toList())));
    }

    @GET
    @Path("/QuestionnaireResponse/{id}")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "FHIR read QuestionnaireResponse: one answered check-in",
            description = "The id is the check-in's id (the REST API's check-in id).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No answered check-in of that id in the caller's clinic (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> response(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        UUID checkInId = uuid(id, "");
        if (checkInId == null) {
            return Uni.createFrom().item(fhir.notFound("QuestionnaireResponse " + id));
        }
        return responses.find(clinic.id(), checkInId).map(found -> found
                .map(answered -> fhir.ok(CheckInResponses.of(answered)))
                .orElseGet(() -> fhir.notFound("QuestionnaireResponse " + id)));
    }

    @GET
    @Path("/QuestionnaireResponse")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "FHIR search QuestionnaireResponse by patient or by course",
            description = "patient = Patient/{id}, based-on = ServiceRequest/{courseId}, or both (and); the "
                    + CheckInResponses.LIMIT + " most recently answered, newest first.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle (empty for another clinic's ids)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Neither patient nor based-on, or one that is not a reference by id (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> responses(@Parameter(description = "Patient/{id}") @QueryParam("patient") String patient,
            @Parameter(name = "based-on", description = "ServiceRequest/{courseId}") @QueryParam("based-on") String basedOn,
            @Context UriInfo uri) {
        UUID patientId = uuid(patient, "Patient/");
        UUID courseId = uuid(basedOn, "ServiceRequest/");
        if ((patientId == null && courseId == null) || (patientId == null) != (patient == null || patient.isBlank())
                || (courseId == null) != (basedOn == null || basedOn.isBlank())) {
            return Uni.createFrom().item(fhir.refusal(400, IssueType.INVALID, "validation",
                    "Search by patient=Patient/{id}, based-on=ServiceRequest/{id} or both"));
        }
        return responses.search(clinic.id(), patientId, courseId)
                .map(found -> fhir.ok(searchset(uri, found.stream().<Resource>map(CheckInResponses::of).toList())));
    }

    private Uni<List<String>> languages() {
        return settings.of(clinic.id()).map(found -> found.languages());
    }

    /** An id, bare or as a reference of the expected type; null when it is neither. */
    private static UUID uuid(String value, String type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = !type.isEmpty() && value.startsWith(type) ? value.substring(type.length()) : value;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** A searchset Bundle; each entry's fullUrl is absolute, as R4 wants for resources a server holds. */
    private static Bundle searchset(UriInfo uri, List<Resource> resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(resources.size());
        String base = uri.getBaseUri().toString().replaceAll("/$", "") + "/fhir/r4/";
        resources.forEach(resource -> bundle.addEntry().setFullUrl(base + resource.fhirType() + "/" + resource.getIdPart())
                .setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        return bundle;
    }
}

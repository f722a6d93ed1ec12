package health.courses.scheduling.fhir;

import health.courses.scheduling.api.CreationLimits;
import health.courses.scheduling.api.Idempotency;
import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.patient.NewPatient;
import health.courses.scheduling.patient.Patient;
import health.courses.scheduling.patient.Patients;
import health.courses.scheduling.problem.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient.PatientCommunicationComponent;

/**
 * Patient over FHIR: only what scheduling keeps (the clinic's identifier, language, time zone). Names and telecom
 * are not stored here; a contact goes to notification-service's own API.
 */
@Path("/fhir/r4/Patient")
@Produces(FhirJson.MEDIA_TYPE)
@Tag(name = "FHIR R4")
public class PatientFhirResource {

    static final String NOT_STORED = "Scheduling keeps the clinic's identifier, language and time zone only; "
            + "names and telecom are not stored here (a contact goes to notification-service).";
    private static final Map<String, String> FIELDS = Map.of(
            "externalReference", "Patient.identifier",
            "language", "Patient.communication.language",
            "zone", "Patient.extension('" + FhirCodes.TIME_ZONE + "')");

    private final Patients patients;
    private final Idempotency idempotency;
    private final Caller caller;
    private final CreationLimits limits;
    private final FhirJson fhir;
    private final Outcomes outcomes;
    private final FhirInput input;

    PatientFhirResource(Patients patients, Idempotency idempotency, Caller caller, CreationLimits limits, FhirJson fhir,
            Outcomes outcomes, FhirInput input) {
        this.input = input;
        this.patients = patients;
        this.idempotency = idempotency;
        this.caller = caller;
        this.limits = limits;
        this.fhir = fhir;
        this.outcomes = outcomes;
    }

    @POST
    @Consumes({ FhirJson.MEDIA_TYPE, "application/json" })
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN })
    @Operation(summary = "FHIR create Patient",
            description = "identifier[0].value is the clinic's patient id (externalReference), communication[0].language "
                    + "the language, the extension " + FhirCodes.TIME_ZONE + " (valueCode) the IANA zone. Names and "
                    + "telecom are not stored. Same rules, events and audit as POST /api/v1/patients.")
    @RequestBody(content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "201", description = "Created; Location names Patient/{id}",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Not a FHIR Patient or a required element missing (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = "The identifier is already used in the clinic (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> create(
            @Parameter(description = "Retry-safe creation, as in the REST API") @HeaderParam(Idempotency.HEADER) String key,
            String body) {
        return outcomes.answer(FIELDS, () -> {
            UUID clinicId = caller.clinicId();
            NewPatient request = input.valid(toNew(fhir.read(body, org.hl7.fhir.r4.model.Patient.class)));
            return limits.acquire(clinicId).chain(() -> idempotency.create(clinicId, key, "POST /fhir/r4/Patient", request,
                            () -> patients.add(clinicId, request).map(added -> health.courses.scheduling.api.Created.of(
                                    URI.create("/api/v1/patients/" + added.id), added.version, added.id.toString())))
                    .flatMap(created -> patients.find(clinicId, FhirInput.lastSegment(created.location())))
                    .map(added -> Response.created(URI.create("/fhir/r4/Patient/" + added.id))
                            .tag(FhirCodes.etag(added.version)).type(FhirJson.MEDIA_TYPE)
                            .entity(fhir.write(of(added))).build()));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "FHIR read Patient", description = "The id is the REST API's patient id.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such patient in the caller's clinic (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> read(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return outcomes.answer(FIELDS, () -> patients.find(caller.clinicId(), Ids.parse("id", id))
                .map(patient -> Response.ok(fhir.write(of(patient)), FhirJson.MEDIA_TYPE)
                        .tag(FhirCodes.etag(patient.version)).build()));
    }

    static org.hl7.fhir.r4.model.Patient of(Patient patient) {
        org.hl7.fhir.r4.model.Patient resource = new org.hl7.fhir.r4.model.Patient();
        resource.setId(patient.id.toString());
        resource.setMeta(FhirCodes.version(patient.version));
        Narrative text = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        text.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + NOT_STORED + "</div>");
        resource.setText(text);
        resource.addIdentifier().setSystem(FhirCodes.EXTERNAL_REFERENCE).setValue(patient.externalReference);
        resource.addExtension(new Extension(FhirCodes.TIME_ZONE, new CodeType(patient.zone)));
        resource.addCommunication(new PatientCommunicationComponent(new CodeableConcept(
                new Coding(FhirCodes.URN_LANGUAGE, patient.language, null))).setPreferred(true));
        return resource;
    }

    private static NewPatient toNew(org.hl7.fhir.r4.model.Patient resource) {
        String reference = resource.getIdentifier().stream().filter(identifier -> identifier.hasValue()).findFirst()
                .map(identifier -> identifier.getValue()).orElse(null);
        Extension zone = resource.getExtensionByUrl(FhirCodes.TIME_ZONE);
        String language = resource.getCommunication().stream().filter(PatientCommunicationComponent::hasLanguage)
                .map(communication -> communication.getLanguage().getCodingFirstRep().getCode()).findFirst().orElse(null);
        return new NewPatient(reference, zone == null || zone.getValue() == null ? null : zone.getValue().primitiveValue(),
                language);
    }
}

package health.courses.notification.fhir;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/** What notification-service's facade serves (the check-in, read-only); public, as FHIR servers' metadata is. */
@Path("/fhir/r4/metadata")
@Tag(name = "FHIR R4")
public class CapabilityFhirResource {

    private final String statement;

    CapabilityFhirResource(FhirJson fhir) {
        this.statement = fhir.write(statement());
    }

    @GET
    @PermitAll
    @Produces(FhirJson.MEDIA_TYPE)
    @Operation(summary = "FHIR CapabilityStatement of notification-service")
    // an empty requirement set: the document says "no token needed" instead of saying nothing (Redocly security-defined)
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response metadata() {
        return Response.ok(statement, FhirJson.MEDIA_TYPE).build();
    }

    static CapabilityStatement statement() {
        CapabilityStatement capability = new CapabilityStatement().setUrl("https://courses.health/fhir/CapabilityStatement/notification")
                .setName("TreatmentCourseCheckIns").setTitle("Treatment courses: check-ins (FHIR R4 facade)")
                .setStatus(PublicationStatus.ACTIVE).setDate(new Date(0)).setPublisher("courses.health")
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE).setFhirVersion(FHIRVersion._4_0_1)
                .setDescription("The check-in after each session, read-only: its questions as a Questionnaire "
                        + "(canonical " + CheckInQuestionnaire.URL + ", version = the triage rules' version) and each "
                        + "answer as a QuestionnaireResponse (id = the check-in's id). Auth: Bearer JWT naming the "
                        + "clinic and roles; another clinic's id answers 404. Courses, sessions and patients are "
                        + "scheduling-service's facade (ServiceRequest, Appointment, Patient: the same ids).");
        capability.getImplementation().setDescription("notification-service: the check-in of each session, read-only");
        capability.addFormat(FhirJson.MEDIA_TYPE);
        CapabilityStatement.CapabilityStatementRestComponent rest = capability.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("Authorization: Bearer <JWT> with the clinic_id claim and roles in groups")
                .addService().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                .setCode("OAuth").setDisplay("OAuth");
        CapabilityStatementRestResourceComponent questionnaire = resource(rest, "Questionnaire")
                .setDocumentation("The check-in (any role), English with translations into the clinic's languages");
        questionnaire.addSearchParam().setName("url").setType(SearchParamType.URI);
        CapabilityStatementRestResourceComponent response = resource(rest, "QuestionnaireResponse")
                .setDocumentation("An answered check-in (clinician role); search by exactly one of patient, based-on");
        response.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE);
        response.addSearchParam().setName("based-on").setType(SearchParamType.REFERENCE)
                .setDocumentation("ServiceRequest/{courseId}: the course's check-ins");
        return capability;
    }

    private static CapabilityStatementRestResourceComponent resource(
            CapabilityStatement.CapabilityStatementRestComponent rest, String type) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type).setReadHistory(false);
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        return resource;
    }
}

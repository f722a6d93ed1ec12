package health.courses.scheduling.fhir;

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
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * What the facade supports, exactly: a client reads this before anything else (it needs no token, as FHIR
 * servers commonly allow, and names nothing of a clinic).
 */
@Path("/fhir/r4/metadata")
@Tag(name = "FHIR R4", description = "HL7 FHIR R4 facade over the same services (application/fhir+json); refusals are OperationOutcomes")
public class CapabilityFhirResource {

    private final String statement;

    CapabilityFhirResource(FhirJson fhir) {
        this.statement = fhir.write(statement());
    }

    @GET
    @PermitAll
    @Produces(FhirJson.MEDIA_TYPE)
    @Operation(summary = "FHIR CapabilityStatement of scheduling-service")
    // an empty requirement set: the document says "no token needed" instead of saying nothing (Redocly security-defined)
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response metadata() {
        return Response.ok(statement, FhirJson.MEDIA_TYPE).build();
    }

    static CapabilityStatement statement() {
        CapabilityStatement capability = new CapabilityStatement();
        capability.setUrl(FhirCodes.BASE + "/CapabilityStatement/scheduling");
        capability.setName("TreatmentCourseScheduling");
        capability.setTitle("Treatment courses: scheduling (FHIR R4 facade)");
        capability.setStatus(PublicationStatus.ACTIVE);
        capability.setDate(new Date(0));
        capability.setPublisher("courses.health");
        capability.setKind(CapabilityStatementKind.INSTANCE);
        capability.setFhirVersion(FHIRVersion._4_0_1);
        capability.addFormat("application/fhir+json");
        capability.getImplementation().setDescription("The REST API /api/v1 and this facade share ids, rules, "
                + "transactions, events and audit. A resource's id is the REST id.");
        capability.setDescription("Books a whole treatment course (2 or 3 sessions a week for 4 to 8 weeks, every "
                + "session or none, behind the clinical gate) with ServiceRequest/$book-course, and follows and "
                + "changes its Appointments. Patient keeps the clinic's identifier, language and time zone only: "
                + "names and telecom are not stored here (a contact goes to notification-service's own API). "
                + "Auth: Bearer JWT naming the clinic and roles (booking, clinician, operator); another clinic's id "
                + "answers 404. Check-ins are QuestionnaireResponses on notification-service.");
        CapabilityStatementRestComponent rest = capability.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().addService().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                .setCode("OAuth").setDisplay("OAuth");
        rest.getSecurity().setDescription("Authorization: Bearer <JWT> with the clinic_id claim and roles in groups");

        CapabilityStatementRestResourceComponent patient = resource(rest, "Patient",
                TypeRestfulInteraction.READ, TypeRestfulInteraction.CREATE);
        patient.setDocumentation("identifier (the clinic's own id), communication.language, the extension "
                + FhirCodes.TIME_ZONE + ". Names and telecom are not stored: they are dropped on create.");
        resource(rest, "Practitioner", TypeRestfulInteraction.READ);
        resource(rest, "Location", TypeRestfulInteraction.READ).setDocumentation("A treatment room");
        CapabilityStatementRestResourceComponent evaluation = resource(rest, "ClinicalImpression",
                TypeRestfulInteraction.SEARCHTYPE);
        evaluation.setDocumentation("A patient's evaluations (clinician or booking role), each finding coded in "
                + FhirCodes.FINDINGS + ": chronic-prostatitis, acute-prostatitis and extensive-calcification "
                + "(these two refuse a course), congestion, oedema.");
        evaluation.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE).setDocumentation("required");
        CapabilityStatementRestResourceComponent course = resource(rest, "ServiceRequest", TypeRestfulInteraction.READ);
        course.setDocumentation("A treatment course: occurrenceTiming.repeat frequency 2 or 3 per 1 wk, boundsPeriod "
                + "4 to 8 weeks, dayOfWeek, timeOfDay, duration (min); performer = Practitioner, locationReference = Location.");
        course.addOperation().setName(CourseFhirResource.BOOK_COURSE)
                .setDefinition(FhirCodes.BASE + "/OperationDefinition/ServiceRequest-book-course")
                .setDocumentation("POST ServiceRequest/$book-course with Parameters(request = ServiceRequest): books "
                        + "every session or none; answers a Bundle of the ServiceRequest and one booked Appointment "
                        + "per session, or an OperationOutcome naming each reason (contraindicated, evaluation-expired, "
                        + "each conflicting session, start-date-in-past, ...).");
        CapabilityStatementRestResourceComponent appointment = resource(rest, "Appointment",
                TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE, TypeRestfulInteraction.UPDATE);
        appointment.setDocumentation("A session of a course (basedOn the ServiceRequest). Update: status=cancelled "
                + "cancels the session, a new start moves it; nothing else may change. If-Match: the version read.");
        appointment.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
        appointment.setUpdateCreate(false);
        appointment.setConditionalUpdate(false);
        appointment.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE);
        appointment.addSearchParam().setName("practitioner").setType(SearchParamType.REFERENCE);
        appointment.addSearchParam().setName("location").setType(SearchParamType.REFERENCE);
        appointment.addSearchParam().setName("date").setType(SearchParamType.DATE)
                .setDocumentation("ge/gt and lt/le; without patient both ends are required, at most 92 days apart");
        appointment.addSearchParam().setName("status").setType(SearchParamType.TOKEN);
        return capability;
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatementRestComponent rest, String type,
            TypeRestfulInteraction... interactions) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
        for (TypeRestfulInteraction interaction : interactions) {
            resource.addInteraction().setCode(interaction);
        }
        resource.setReadHistory(false);
        return resource;
    }
}

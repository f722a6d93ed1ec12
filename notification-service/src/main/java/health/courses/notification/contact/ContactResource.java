package health.courses.notification.contact;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import health.courses.notification.clinic.CallerClinic;
import health.courses.notification.clinic.Roles;
import health.courses.notification.patient.ClinicPatients;
import health.courses.notification.problem.IfMatch;
import health.courses.notification.problem.Problem;
import health.courses.notification.security.RateLimits;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/patients/{patientId}/contact")
@Tag(name = "Contacts", description = "How to reach a patient; contact data stays in this service")
@RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN })
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private static final String CONTACT_EXAMPLE = """
            {"patientId":"6f1c2f0e-3d4b-4a8e-9a53-0c1f5b2d7e10","email":"patient@example.org",
             "phone":"+4930123456","language":"de","zone":"Europe/Berlin","preferredChannels":["email","sms"],
             "quietHours":{"from":"21:00","to":"08:00"},"optOuts":{"channels":[],"kinds":[]},"homeExercise":false,
             "version":0,
             "updatedAt":"2027-03-20T09:15:00Z"}""";
    private static final String VALIDATION_EXAMPLE = """
            {"type":"https://courses.health/problems/validation","title":"Invalid request","status":400,
             "detail":"Invalid value for: email, zone",
             "errors":[{"field":"email","rule":"email","message":"must be a well-formed email address"},
                       {"field":"zone","rule":"iana-zone","message":"must be an IANA time zone such as Europe/Berlin"}]}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"type":"https://courses.health/problems/not-found","title":"Not found","status":404,
             "detail":"No contact on file for this patient"}""";

    private final ContactService contacts;
    private final CallerClinic clinic;
    private final RateLimits limits;
    private final ClinicPatients patients;

    ContactResource(ContactService contacts, CallerClinic clinic, RateLimits limits, ClinicPatients patients) {
        this.contacts = contacts;
        this.clinic = clinic;
        this.limits = limits;
        this.patients = patients;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set how to reach a patient",
            description = "Replaces the patient's contact details for the caller's clinic. "
                    + "Send If-Match with the version you read to avoid overwriting a newer change.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = ContactView.class),
                    examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ContactView.class),
                    examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid details; every offending field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "The patient is another clinic's (an id scheduling-service has not "
            + "announced yet is taken as the caller's: the contact is usually put right after the registration)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The clinic's write rate limit is reached; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ContactView>> put(
            @Parameter(description = "The patient's id as issued by scheduling-service") @PathParam("patientId") UUID patientId,
            @Parameter(description = "The version last read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "contact",
                    value = "{\"email\":\"patient@example.org\",\"phone\":\"+4930123456\",\"language\":\"de\",\"zone\":\"Europe/Berlin\"}")))
            @Valid @NotNull ContactDetails details) {
        UUID clinicId = clinic.id();
        return limits.takeClinicWrite(clinicId).chain(() -> patients.claim(clinicId, patientId))
                .chain(() -> contacts.put(clinicId, patientId, details, IfMatch.version(ifMatch)))
                .map(saved -> RestResponse.ResponseBuilder
                        .create(saved.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, saved.contact())
                        .tag(etag(saved.contact()))
                        .build());
    }

    @GET
    @Operation(summary = "How to reach a patient")
    @APIResponse(responseCode = "200", description = "The contact on file",
            content = @Content(schema = @Schema(implementation = ContactView.class),
                    examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No contact on file for this patient in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The stored contact cannot be decrypted; PUT it again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ContactView>> get(@PathParam("patientId") UUID patientId) {
        UUID clinicId = clinic.id();
        return patients.requireNotAnothers(clinicId, patientId, "No contact on file for this patient")
                .chain(() -> contacts.get(clinicId, patientId))
                .map(contact -> RestResponse.ResponseBuilder.ok(contact).tag(etag(contact)).build());
    }

    /** Fail closed, but say so: the contact exists, its stored form is not readable, and a PUT replaces it. */
    @ServerExceptionMapper
    public RestResponse<Problem> unreadable(ContactCipher.Unreadable unreadable) {
        return Problem.of("contact-unreadable", "Contact unreadable", 409,
                "The stored contact cannot be decrypted with the configured keys; PUT the contact again to replace it")
                .response();
    }

    private static EntityTag etag(ContactView contact) {
        return new EntityTag(Long.toString(contact.version()));
    }
}

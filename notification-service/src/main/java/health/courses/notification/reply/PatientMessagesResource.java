package health.courses.notification.reply;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import health.courses.notification.clinic.CallerClinic;
import health.courses.notification.clinic.Roles;
import health.courses.notification.problem.Problem;
import io.smallrye.mutiny.Uni;

/** What patients wrote back by SMS that was not a keyword: for the treating clinicians, never on Kafka or in logs. */
@Path("/api/v1/patients/{patientId}/messages")
@Tag(name = "SMS replies", description = "Patients' answers to reminders by SMS, as the SMS provider delivers them")
@RolesAllowed(Roles.CLINICIAN)
@Produces(MediaType.APPLICATION_JSON)
public class PatientMessagesResource {

    private final PatientMessages messages;
    private final CallerClinic clinic;

    PatientMessagesResource(PatientMessages messages, CallerClinic clinic) {
        this.messages = messages;
        this.clinic = clinic;
    }

    @GET
    @Operation(summary = "The patient's SMS messages to the clinic, newest first")
    @APIResponse(responseCode = "200", description = "The latest messages",
            content = @Content(schema = @Schema(implementation = PatientMessages.Page.class),
                    examples = @ExampleObject(name = "messages", value = """
                            {"items":[{"id":"5d1c7a9e-2b4f-4e6a-8c0d-1f3e5a7b9c2d","receivedAt":"2027-03-28T18:02:11Z",
                              "text":"Running 10 minutes late tomorrow, sorry"}]}""")))
    @APIResponse(responseCode = "400", description = "A limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No contact on file for this patient in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PatientMessages.Page> list(@PathParam("patientId") UUID patientId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return messages.of(clinic.id(), patientId, limit);
    }
}

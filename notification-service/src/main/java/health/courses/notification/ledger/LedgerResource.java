package health.courses.notification.ledger;

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
import health.courses.notification.patient.ClinicPatients;
import health.courses.notification.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/patients/{patientId}/notifications")
@Tag(name = "Notifications", description = "What was planned and sent to a patient, with delivery status")
@RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private static final String PAGE_EXAMPLE = """
            {"items":[{"id":"0b8f5c52-5a55-4a43-a2a3-1f7f0c7e4d01","kind":"session-reminder","channel":"sms",
              "courseId":"4a1f2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","sessionId":"9c2e4f6a-8b0c-4d2e-9f1a-3b5c7d9e1f2a","dueAt":"2027-03-28T08:00:00Z","status":"sent",
              "attempts":2,"history":[
                {"status":"planned","attempt":0,"at":"2027-03-20T09:15:00Z"},
                {"status":"sending","attempt":1,"at":"2027-03-28T08:00:00.4Z"},
                {"status":"planned","reason":"IllegalStateException: SMS provider answered HTTP 503","attempt":1,"at":"2027-03-28T08:00:00.9Z"},
                {"status":"sending","attempt":2,"at":"2027-03-28T08:00:31Z"},
                {"status":"sent","attempt":2,"at":"2027-03-28T08:00:31.3Z"}]}],
             "nextCursor":"MjAyNy0wMy0yOFQwODowMFp8MGI4ZjVjNTI"}""";

    private final LedgerService ledger;
    private final CallerClinic clinic;
    private final ClinicPatients patients;

    LedgerResource(LedgerService ledger, CallerClinic clinic, ClinicPatients patients) {
        this.ledger = ledger;
        this.clinic = clinic;
        this.patients = patients;
    }

    @GET
    @Operation(summary = "A patient's notifications, newest due first, with every delivery state and its time")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = LedgerView.Page.class),
                    examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor that is not ours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient in the caller's clinic (another clinic's, or not "
            + "yet known to this service: it learns patients from scheduling-service's events within seconds)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LedgerView.Page> list(@PathParam("patientId") UUID patientId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        UUID clinicId = clinic.id();
        return patients.requirePatient(clinicId, patientId).chain(() -> ledger.page(clinicId, patientId, limit, cursor));
    }
}

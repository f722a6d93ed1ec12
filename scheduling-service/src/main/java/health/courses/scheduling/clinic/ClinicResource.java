package health.courses.scheduling.clinic;

import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
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

@Path("/api/v1/clinic")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinic", description = "The caller's clinic: zone, opening hours, spacing rules")
public class ClinicResource {

    private final Clinics clinics;
    private final Caller caller;

    ClinicResource(Clinics clinics, Caller caller) {
        this.clinics = clinics;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "The caller's clinic",
            description = "Created with defaults (Europe/Berlin, Monday-Friday 08:00-18:00, 44 h minimum gap) on first use.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClinicView.class)))
    public Uni<RestResponse<ClinicView>> get() {
        return clinics.current(caller.clinicId()).map(this::answer);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOOKING)
    @Operation(summary = "Change the caller's clinic",
            description = "Replaces the settings. Booked sessions keep their times; new bookings follow the new rules.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ClinicSettings.class), examples = @ExampleObject(
            name = "weekdays and Saturday morning", value = """
                    {"name": "Praxis am Markt", "zone": "Europe/Berlin", "minGapHours": 44, "makeUpSessions": true,
                     "openingHours": [{"weekday": "MONDAY", "opens": "08:00", "closes": "18:00"},
                                      {"weekday": "WEDNESDAY", "opens": "08:00", "closes": "18:00"},
                                      {"weekday": "FRIDAY", "opens": "08:00", "closes": "16:00"},
                                      {"weekday": "SATURDAY", "opens": "09:00", "closes": "12:00"}]}""")))
    @APIResponse(responseCode = "200", description = "Changed; the ETag is the new version",
            content = @Content(schema = @Schema(implementation = ClinicView.class)))
    @APIResponse(responseCode = "400", description = "Invalid settings (validation); `errors` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "https://courses.health/problems/validation", "title": "The request is not valid",
                             "status": 400, "detail": "zone: must be an IANA time zone such as Europe/Berlin",
                             "errors": [{"field": "zone", "rule": "zone", "message": "must be an IANA time zone such as Europe/Berlin"}]}""")))
    @APIResponse(responseCode = "412", description = "If-Match names an older version (version-mismatch)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "version-mismatch", value = """
                            {"type": "https://courses.health/problems/version-mismatch", "title": "Version mismatch",
                             "status": 412, "detail": "The clinic changed since you read it; it is now at version 3. Read it again and retry with If-Match: \\"3\\"",
                             "currentVersion": 3}""")))
    public Uni<RestResponse<ClinicView>> put(
            @Parameter(description = "The version last read, as sent in ETag; optional") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ClinicSettings settings) {
        return clinics.update(caller.clinicId(), ifMatch, settings).map(this::answer);
    }

    private RestResponse<ClinicView> answer(Clinic clinic) {
        return RestResponse.ResponseBuilder.ok(ClinicView.of(clinic, clinics.openingHours(clinic)))
                .tag(new EntityTag(Integer.toString(clinic.version))).build();
    }
}

package health.courses.notification.settings;

import java.util.UUID;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import health.courses.notification.clinic.CallerClinic;
import health.courses.notification.clinic.Roles;
import health.courses.notification.problem.IfMatch;
import health.courses.notification.problem.Problem;
import health.courses.notification.security.RateLimits;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/notification-settings")
@Tag(name = "Notification settings", description = "The caller's clinic: reminder offsets, quiet hours, check-in timing")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private static final String SETTINGS_EXAMPLE = """
            {"clinicName":"Praxis am Park","reminderOffsets":["PT24H","PT2H"],"quietHours":{"from":"21:00","to":"08:00"},
             "checkIn":{"nextDayAt":"10:00"},"followUpDelay":"PT24H","languages":["en","de"],"version":3,
             "updatedAt":"2027-03-20T09:15:00Z","replyTo":"empfang@praxis-am-park.de"}""";

    private final SettingsService settings;
    private final CallerClinic clinic;
    private final RateLimits limits;

    SettingsResource(SettingsService settings, CallerClinic clinic, RateLimits limits) {
        this.settings = settings;
        this.clinic = clinic;
        this.limits = limits;
    }

    @GET
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "The caller's clinic's notification settings (the defaults until it saves its own)")
    @APIResponse(responseCode = "200", description = "The settings in force",
            content = @Content(schema = @Schema(implementation = NotificationSettings.class),
                    examples = @ExampleObject(name = "settings", value = SETTINGS_EXAMPLE)))
    public Uni<RestResponse<NotificationSettings>> get() {
        return settings.of(clinic.id()).map(found -> RestResponse.ResponseBuilder.ok(found).tag(etag(found)).build());
    }

    @PUT
    @RolesAllowed({ Roles.CLINICIAN, Roles.OPERATOR })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the caller's clinic's notification settings",
            description = "Applies to reminders planned from now on. Send If-Match with the version you read.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = NotificationSettings.class),
                    examples = @ExampleObject(name = "settings", value = SETTINGS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid settings; every offending field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The clinic's write rate limit is reached; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<NotificationSettings>> put(
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "settings", value = """
                    {"clinicName":"Praxis am Park","reminderOffsets":["PT24H","PT2H"],
                     "quietHours":{"from":"21:00","to":"08:00"},"checkIn":{"nextDayAt":"10:00"},
                     "followUpDelay":"PT24H","languages":["en","de"],"replyTo":"empfang@praxis-am-park.de"}""")))
            @Valid @NotNull SettingsDetails details) {
        UUID clinicId = clinic.id();
        return limits.takeClinicWrite(clinicId).chain(() -> settings.put(clinicId, details, IfMatch.version(ifMatch)))
                .map(saved -> RestResponse.ResponseBuilder.ok(saved).tag(etag(saved)).build());
    }

    private static EntityTag etag(NotificationSettings settings) {
        return new EntityTag(Long.toString(settings.version()));
    }
}

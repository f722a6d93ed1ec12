package health.courses.scheduling.audit;

import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.problem.Ids;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what in the caller's clinic, and when")
public class AuditResource {

    private static final Pattern RESOURCE_TYPE = Pattern.compile("[a-z][a-z-]{0,39}");

    private final AuditLog log;
    private final Caller caller;

    AuditResource(AuditLog log, Caller caller) {
        this.log = log;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "The caller's clinic's audit log, newest first, a page at a time",
            description = "One entry per change made through this API (and per course held by a check-in escalation, "
                    + "subject system:checkin-escalation, role system). Entries hold ids only, never patient data.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditList.class)))
    @APIResponse(responseCode = "400", description = "A malformed resourceType or resourceId, limit above 100, or a foreign cursor (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditList> list(
            @Parameter(description = "Only entries about this kind of resource",
                    schema = @Schema(enumeration = { "clinic", "practitioner", "room", "closure", "patient", "evaluation",
                            "course", "session" })) @QueryParam("resourceType") String resourceType,
            @Parameter(description = "Only entries about this resource", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("resourceId") String resourceId,
            @Parameter(description = "1-100, 50 when absent") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        if (resourceType != null && !RESOURCE_TYPE.matcher(resourceType).matches()) {
            throw new InvalidInput("resourceType", "pattern", "must be a resource type such as course or session");
        }
        return log.list(caller.clinicId(), resourceType, resourceId == null ? null : Ids.parse("resourceId", resourceId),
                PageRequest.of(limit, cursor));
    }
}

package health.courses.notification.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import health.courses.notification.clinic.CallerClinic;
import health.courses.notification.clinic.Roles;
import health.courses.notification.problem.InvalidCursor;
import health.courses.notification.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The clinic's audit trail, newest first, keyset-paged by entry id; another clinic's entries are never listed. */
@Path("/api/v1/notification-audit")
@Tag(name = "Audit", description = "Who changed what, when, from which request")
@RolesAllowed({ Roles.CLINICIAN, Roles.OPERATOR })
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final Pool pool;
    private final CallerClinic clinic;

    AuditResource(Pool pool, CallerClinic clinic) {
        this.pool = pool;
        this.clinic = clinic;
    }

    @GET
    @Operation(summary = "The caller's clinic's audit entries, newest first, optionally for one resource")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = AuditView.Page.class)))
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor that is not ours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditView.Page> list(
            @QueryParam("resourceType") @Size(max = 64) String resourceType,
            @QueryParam("resourceId") @Size(max = 200) String resourceId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        UUID clinicId = clinic.id();
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : decode(cursor);
        return pool.preparedQuery("""
                select id, occurred_at, clinic_id, subject, role, action, resource_type, resource_id, request_id
                  from audit_log
                 where clinic_id = $1 and id < $2
                   and ($3::text is null or resource_type = $3) and ($4::text is null or resource_id = $4)
                 order by id desc
                 limit $5""")
                .execute(Tuple.of(clinicId, before, blankToNull(resourceType), blankToNull(resourceId), limit + 1))
                .map(rows -> {
                    List<AuditView> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new AuditView(row.getLong("id"), row.getOffsetDateTime("occurred_at"),
                                row.getUUID("clinic_id"), row.getString("subject"), row.getString("role"),
                                row.getString("action"), row.getString("resource_type"),
                                row.getString("resource_id"), row.getString("request_id")));
                    }
                    if (found.size() <= limit) {
                        return new AuditView.Page(found, null);
                    }
                    List<AuditView> page = found.subList(0, limit);
                    return new AuditView.Page(List.copyOf(page), encode(page.get(page.size() - 1).id()));
                });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notOurs) {
            throw new InvalidCursor();
        }
    }
}

package health.courses.scheduling.auth;

import health.courses.scheduling.api.RequestIds;
import io.quarkus.security.ForbiddenException;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the clinic (tenant), the person and their roles, all from the verified token. The clinic comes
 * from the {@code clinic_id} claim only, never from a path or body, so a caller cannot reach another clinic's data.
 */
@RequestScoped
public class Caller {

    public static final String CLINIC_CLAIM = "clinic_id";

    private final JsonWebToken token;
    private final ResourceInfo resource;
    private final RoutingContext request;

    Caller(JsonWebToken token, ResourceInfo resource, RoutingContext request) {
        this.token = token;
        this.resource = resource;
        this.request = request;
    }

    /** A token without a usable clinic is authentic but entitles to nothing here, hence 403 rather than 401. */
    public UUID clinicId() {
        Object claim = token.getClaim(CLINIC_CLAIM);
        if (claim != null) {
            try {
                return UUID.fromString(claim.toString().replace("\"", ""));
            } catch (IllegalArgumentException ignored) {
                // falls through to the refusal below
            }
        }
        throw new ForbiddenException("The token names no clinic");
    }

    public String subject() {
        return token.getSubject();
    }

    public Set<String> roles() {
        return token.getGroups();
    }

    /**
     * The role that let this call through: the first role of the endpoint's {@code @RolesAllowed} that the token
     * holds. The audit log records it, so an entry says in which capacity someone acted, not every role they have.
     */
    public String role() {
        Method method = resource.getResourceMethod();
        RolesAllowed allowed = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (allowed == null && resource.getResourceClass() != null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        Set<String> held = roles();
        if (allowed != null) {
            for (String role : allowed.value()) {
                if (held.contains(role)) {
                    return role;
                }
            }
        }
        // Unreachable for an authorised call (deny-unannotated-endpoints); named so a gap shows in the audit log.
        return "unknown";
    }

    /** The request's id (X-Request-Id, accepted or made up by {@link RequestIds}). */
    public String requestId() {
        return RequestIds.of(request);
    }
}

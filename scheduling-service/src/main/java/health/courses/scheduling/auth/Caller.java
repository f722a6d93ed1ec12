package health.courses.scheduling.auth;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
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

    Caller(JsonWebToken token) {
        this.token = token;
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
}

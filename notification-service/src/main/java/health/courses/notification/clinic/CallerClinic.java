package health.courses.notification.clinic;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;

/**
 * The clinic a request acts for. It comes from the token's {@code clinic_id} claim and nowhere else, so no
 * path or body can reach into another clinic's data.
 */
@RequestScoped
public class CallerClinic {

    static final String CLAIM = "clinic_id";

    private final JsonWebToken token;

    CallerClinic(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        Object claim = token.getClaim(CLAIM);
        String value = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        if (value == null || value.isBlank()) {
            throw new ForbiddenException("The token names no clinic");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            throw new ForbiddenException("The token's clinic is not a valid id");
        }
    }
}

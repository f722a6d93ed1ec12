package health.courses.notification.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * An RFC 9457 problem: {@code type} is stable per cause, so clients branch on it, never on {@code detail}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://courses.health/problems/";

    public static Problem of(String cause, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + cause), title, status, detail, List.of());
    }

    public static Problem validation(String detail, List<FieldError> errors) {
        return new Problem(URI.create(TYPE_BASE + "validation"), "Invalid request", 400, detail, List.copyOf(errors));
    }

    public RestResponse<Problem> response() {
        return RestResponse.ResponseBuilder.<Problem> create(status).entity(this).type(MEDIA_TYPE).build();
    }

    /** One offending field: {@code rule} names the broken constraint, e.g. {@code email} or {@code not-blank}. */
    public record FieldError(String field, String rule, String message) {
    }
}

package health.courses.scheduling.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The answer to a creating POST: 201, Location, optional ETag and the body. A replayed answer carries the stored
 * JSON text as its body, so a client gets byte for byte what the first request got.
 */
public record Created(URI location, String etag, Object body, boolean replayed) {

    public static Created of(URI location, Object body) {
        return new Created(location, null, body, false);
    }

    public static Created of(URI location, int version, Object body) {
        return new Created(location, Integer.toString(version), body, false);
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.created(location).type(MediaType.APPLICATION_JSON).entity(body);
        if (etag != null) {
            response.tag(new EntityTag(etag));
        }
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}

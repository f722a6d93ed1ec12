package health.courses.notification.reply;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The check-in page's strict headers on the reply page too: the token is in the URL, so no referrer may carry it,
 * no cache may keep the page, nothing but our stylesheet loads and the form posts only back to us.
 */
public class ReplyPageHeaders {

    @ServerResponseFilter
    public void secure(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/session-reply")) {
            return;
        }
        var headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Cache-Control", "no-store");
    }
}

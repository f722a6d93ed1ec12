package health.courses.notification.unsubscribe;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import health.courses.notification.contact.ContactService;
import health.courses.notification.contact.Languages;
import health.courses.notification.security.RateLimits;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * One-click unsubscribe (RFC 8058) behind the {@code List-Unsubscribe} link of every mail a patient may decline.
 * No login: the signed token is the credential, as on the check-in page. POST acts (what a mail provider's
 * "Unsubscribe" button sends, {@code List-Unsubscribe=One-Click}, and what the page's button sends); GET only shows
 * the button, because mail scanners follow links and must not unsubscribe anybody.
 */
@Path("/unsubscribe/{token}")
@PermitAll
@Tag(name = "Unsubscribe", description = "A patient declines one kind of message from a link in a mail (RFC 8058)")
public class UnsubscribePage {

    static final String HTML = "text/html;charset=UTF-8";

    private final UnsubscribeLinks links;
    private final ContactService contacts;
    private final RateLimits limits;
    private final Map<String, Template> pages = new HashMap<>();

    UnsubscribePage(UnsubscribeLinks links, ContactService contacts, RateLimits limits, Engine templates) {
        this.links = links;
        this.contacts = contacts;
        this.limits = limits;
        for (String language : Languages.SUPPORTED) {
            Template page = templates.getTemplate("unsubscribe-page/" + language + ".html");
            if (page == null) {
                throw new IllegalStateException("Missing template unsubscribe-page/" + language + ".html");
            }
            pages.put(language, page);
        }
    }

    @GET
    @Produces(HTML)
    @Operation(summary = "The page with the unsubscribe button; changes nothing")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The button", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "404", description = "Not a valid link: a page saying so",
            content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = "text/html"))
    public Uni<Response> show(@PathParam("token") String token, @HeaderParam("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        return limits.takeCheckIn(request, true).map(taken -> {
            String language = languageOf(acceptLanguage);
            return links.read(token)
                    .map(optOut -> page(200, language, UnsubscribeView.confirm("/unsubscribe/" + token, optOut.kind())))
                    .orElseGet(() -> page(404, language, UnsubscribeView.invalid()));
        });
    }

    @POST
    @Produces(HTML)
    @Operation(summary = "Decline this kind of message (RFC 8058 one-click: body List-Unsubscribe=One-Click)",
            description = "The patient's contact then lists the kind under optOuts.kinds; repeating it changes nothing.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "Unsubscribed", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "404", description = "Not a valid link, or no contact on file any more",
            content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = "text/html"))
    public Uni<Response> unsubscribe(@PathParam("token") String token,
            @HeaderParam("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return limits.takeCheckIn(request, true).chain(() -> unsubscribed(token, acceptLanguage));
    }

    private Uni<Response> unsubscribed(String token, String acceptLanguage) {
        String language = languageOf(acceptLanguage);
        Optional<UnsubscribeLinks.OptOut> read = links.read(token);
        if (read.isEmpty()) {
            return Uni.createFrom().item(page(404, language, UnsubscribeView.invalid()));
        }
        UnsubscribeLinks.OptOut optOut = read.get();
        return contacts.optOutOf(optOut.clinicId(), optOut.patientId(), optOut.kind())
                .map(found -> found ? page(200, language, UnsubscribeView.done(optOut.kind()))
                        : page(404, language, UnsubscribeView.invalid()));
    }

    private Response page(int status, String language, UnsubscribeView view) {
        return Response.status(status).type(HTML)
                .entity(pages.get(language).data("view", view).render().getBytes(StandardCharsets.UTF_8)).build();
    }

    private static String languageOf(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.toLowerCase(Locale.ROOT).startsWith("de") ? "de"
                : Languages.DEFAULT;
    }
}

package health.courses.notification.reply;

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

import health.courses.notification.contact.Languages;
import health.courses.notification.security.RateLimits;
import health.courses.notification.settings.SettingsService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The page behind a reminder mail's "Confirm" and "I need another time" links. No login: the signed single-purpose
 * token is the credential, as on the check-in page. GET only shows one button, because mail scanners and link
 * previews follow links and must not confirm anybody's session; the button's POST acts.
 */
@Path("/session-reply/{token}")
@PermitAll
@Tag(name = "Session replies", description = "A patient confirms a session, or asks for another time, from a reminder mail")
public class ReplyPage {

    static final String HTML = "text/html;charset=UTF-8";

    private final ReplyLinks links;
    private final ReplyService replies;
    private final SettingsService settings;
    private final RateLimits limits;
    private final Map<String, Template> pages = new HashMap<>();

    ReplyPage(ReplyLinks links, ReplyService replies, SettingsService settings, RateLimits limits, Engine templates) {
        this.links = links;
        this.replies = replies;
        this.settings = settings;
        this.limits = limits;
        for (String language : Languages.SUPPORTED) {
            Template page = templates.getTemplate("reply-page/" + language + ".html");
            if (page == null) {
                throw new IllegalStateException("Missing template reply-page/" + language + ".html");
            }
            pages.put(language, page);
        }
    }

    @GET
    @Produces(HTML)
    @Operation(summary = "The page with the one button (Confirm, or I need another time); changes nothing")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The button", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "404", description = "Not a valid link: a page saying so",
            content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = "text/html"))
    public Uni<Response> show(@PathParam("token") String token, @HeaderParam("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        return limits.takeCheckIn(request, true).chain(() -> {
            String language = languageOf(acceptLanguage);
            Optional<ReplyLinks.Request> read = links.read(token);
            if (read.isEmpty()) {
                return Uni.createFrom().item(page(404, language, new ReplyPageView("invalid", null, null, null)));
            }
            return clinicName(read.get()).map(name -> page(200, language,
                    new ReplyPageView("ask", action(read.get()), ReplyLinks.path(token), name)));
        });
    }

    @POST
    @Produces(HTML)
    @Operation(summary = "Confirm the session, or ask for another time",
            description = "Sends session.confirmation-received.v1 or session.reschedule-requested.v1 (channel email) "
                    + "once; pressing it again changes nothing.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "Done, or done before", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "404", description = "Not a valid link: a page saying so",
            content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "410", description = "The session is no longer scheduled or has begun",
            content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = "text/html"))
    public Uni<Response> act(@PathParam("token") String token, @HeaderParam("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        return limits.takeCheckIn(request, true).chain(() -> acted(token, acceptLanguage));
    }

    private Uni<Response> acted(String token, String acceptLanguage) {
        String language = languageOf(acceptLanguage);
        Optional<ReplyLinks.Request> read = links.read(token);
        if (read.isEmpty()) {
            return Uni.createFrom().item(page(404, language, new ReplyPageView("invalid", null, null, null)));
        }
        ReplyLinks.Request reply = read.get();
        return replies.fromMail(reply).chain(outcome -> clinicName(reply).map(name -> switch (outcome) {
            case DONE -> page(200, language, new ReplyPageView("done", action(reply), null, name));
            case ALREADY -> page(200, language, new ReplyPageView("already", action(reply), null, name));
            case GONE -> page(410, language, new ReplyPageView("gone", action(reply), null, name));
        }));
    }

    private Uni<String> clinicName(ReplyLinks.Request request) {
        return Panache.withSession(() -> settings.of(request.clinicId())).map(found -> found.clinicName());
    }

    private static String action(ReplyLinks.Request request) {
        return request.action() == ReplyLinks.Action.CONFIRM ? "confirm" : "reschedule";
    }

    private Response page(int status, String language, ReplyPageView view) {
        return Response.status(status).type(HTML)
                .entity(pages.get(language).data("view", view).render().getBytes(StandardCharsets.UTF_8)).build();
    }

    private static String languageOf(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.toLowerCase(Locale.ROOT).startsWith("de") ? "de"
                : Languages.DEFAULT;
    }
}

package health.courses.notification.checkin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import health.courses.notification.contact.Languages;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import health.courses.notification.security.RateLimits;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The patient's page behind the link: no login (the token is the credential), server-rendered, no script, no
 * external asset. {@link CheckInHeaders} adds the security headers. Every unknown token, well-formed or not, gets
 * the very same 404 page.
 */
@Path("/")
@PermitAll
@Tag(name = "Check-in page", description = "The patient's side-effect questionnaire (HTML)")
public class CheckInPage {

    static final String HTML = "text/html;charset=UTF-8";

    private final CheckInService checkIns;
    private final Validator validator;
    private final Map<String, Template> pages = new HashMap<>();
    private final byte[] stylesheet;

    private final RateLimits limits;

    CheckInPage(CheckInService checkIns, Validator validator, Engine templates, RateLimits limits) {
        this.checkIns = checkIns;
        this.limits = limits;
        this.validator = validator;
        for (String language : Languages.SUPPORTED) {
            Template page = templates.getTemplate("check-in-page/" + language + ".html");
            if (page == null) {
                throw new IllegalStateException("Missing template check-in-page/" + language + ".html");
            }
            pages.put(language, page);
        }
        try (InputStream css = CheckInPage.class.getResourceAsStream("/check-in/check-in.css")) {
            this.stylesheet = css.readAllBytes();
        } catch (IOException | NullPointerException missing) {
            throw new IllegalStateException("Missing /check-in/check-in.css", missing);
        }
    }

    @GET
    @Path("check-in/{token}")
    @Produces(HTML)
    @Operation(summary = "The check-in form, or why the link no longer works")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The form", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "404", description = "No check-in has this token: a page saying so",
            content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "410", description = "Already answered or expired: a page saying so",
            content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = "text/html"))
    public Uni<Response> open(@PathParam("token") String token,
            @HeaderParam("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return limits.takeCheckIn(request, true).chain(() -> checkIns.open(token)).map(visit -> visit.status() == Visit.Status.OPEN
                ? page(200, visit.language(), PageView.form(visit.clinicName(), action(token)))
                : page(statusOf(visit), languageOf(visit, acceptLanguage), PageView.of(visit)));
    }

    @POST
    @Path("check-in/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    @Operation(summary = "Submit the check-in form; answers once")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "Answered: the advice", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "400", description = "The form again, the missing answers marked",
            content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "404", description = "No check-in has this token: a page saying so",
            content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "410", description = "Already answered or expired: a page saying so",
            content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = "text/html"))
    public Uni<Response> submit(@PathParam("token") String token, MultivaluedMap<String, String> form,
            @HeaderParam("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return limits.takeCheckIn(request, true).chain(() -> submitted(token, form, acceptLanguage));
    }

    private Uni<Response> submitted(String token, MultivaluedMap<String, String> form, String acceptLanguage) {
        Answer answer = answerOf(form);
        Set<String> invalid = new TreeSet<>();
        for (ConstraintViolation<Answer> violation : validator.validate(answer)) {
            invalid.add(violation.getPropertyPath().iterator().next().getName());
        }
        if (!invalid.isEmpty()) {
            // Correcting the form reveals nothing a GET would not: the token is looked up first all the same.
            return checkIns.open(token).map(visit -> visit.status() == Visit.Status.OPEN
                    ? page(400, visit.language(), PageView.correct(visit.clinicName(), action(token), new HashMap<>(form),
                            invalid))
                    : page(statusOf(visit), languageOf(visit, acceptLanguage), PageView.of(visit)));
        }
        return checkIns.answer(token, answer).map(visit -> page(statusOf(visit), languageOf(visit, acceptLanguage),
                PageView.of(visit)));
    }

    @GET
    @Path("check-in-assets/check-in.css")
    @Produces("text/css;charset=UTF-8")
    @Operation(hidden = true)
    public byte[] stylesheet() {
        return stylesheet;
    }

    private Response page(int status, String language, PageView view) {
        return Response.status(status).type(HTML)
                .entity(pages.get(language).data("view", view).render().getBytes(StandardCharsets.UTF_8)).build();
    }

    private static int statusOf(Visit visit) {
        return switch (visit.status()) {
            case NOT_FOUND -> 404;
            case ANSWERED_BEFORE, EXPIRED -> 410;
            case OPEN, ANSWERED_NOW -> 200;
        };
    }

    /** The patient's language when the token is known; otherwise the browser's preference, else English. */
    private static String languageOf(Visit visit, String acceptLanguage) {
        if (visit.language() != null) {
            return visit.language();
        }
        return acceptLanguage != null && acceptLanguage.toLowerCase(Locale.ROOT).startsWith("de") ? "de"
                : Languages.DEFAULT;
    }

    private static String action(String token) {
        return "/check-in/" + token;
    }

    /** Unreadable entries become nulls, which validation then names, as the JSON API would. */
    static Answer answerOf(MultivaluedMap<String, String> form) {
        Integer pain;
        try {
            pain = form.getFirst("pain") == null ? null : Integer.valueOf(form.getFirst("pain").strip());
        } catch (NumberFormatException notANumber) {
            pain = -1;
        }
        return new Answer(pain, form.getOrDefault("painSites", List.of()), form.getFirst("urination"),
                yesNo(form.getFirst("erectileDifficulty")), yesNo(form.getFirst("irritation")), form.getFirst("note"));
    }

    private static Boolean yesNo(String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }
}

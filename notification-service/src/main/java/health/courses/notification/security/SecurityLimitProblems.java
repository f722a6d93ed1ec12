package health.courses.notification.security;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import health.courses.notification.problem.Problem;

/** 429 with Retry-After: a problem for the APIs, a small page for the patient's browser. */
public class SecurityLimitProblems {

    static final String PAGE = """
            <!doctype html><html><head><meta charset="utf-8"><title>Too many requests</title></head>
            <body><p>Too many requests. Please try again in a minute.</p>
            <p lang="de">Zu viele Anfragen. Bitte versuchen Sie es in einer Minute noch einmal.</p></body></html>""";

    @ServerExceptionMapper
    public RestResponse<Object> rateLimited(RateLimited limited) {
        String retryAfter = Long.toString(limited.retryAfterSeconds());
        if (limited.page()) {
            return RestResponse.ResponseBuilder.<Object> create(429)
                    .entity(PAGE.getBytes(StandardCharsets.UTF_8)).type("text/html;charset=UTF-8")
                    .header(HttpHeaders.RETRY_AFTER, retryAfter).build();
        }
        Problem problem = Problem.of("rate-limited", "Too many requests", 429,
                "Rate limit reached; retry after " + retryAfter + " s");
        return RestResponse.ResponseBuilder.<Object> create(429).entity(problem).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, retryAfter).build();
    }
}

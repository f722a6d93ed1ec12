package health.courses.scheduling.problem;

import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;

/** Too many requests of one kind from one clinic (or client); answers 429 with Retry-After in whole seconds. */
public final class RateLimited extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimited(Duration wait) {
        this(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private RateLimited(long retryAfterSeconds) {
        super(Problem.of("rate-limited", "Too many requests", Status.TOO_MANY_REQUESTS,
                "Your clinic sent more creating requests than its limit allows; retry after " + retryAfterSeconds
                        + " s (Retry-After)")
                .with("retryAfterSeconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package health.courses.notification.security;

/** Over a rate limit; {@code retryAfterSeconds} is when the next request would be allowed, in whole seconds. */
public class RateLimited extends RuntimeException {

    private final long retryAfterSeconds;
    private final boolean page;

    RateLimited(long retryAfterSeconds, boolean page) {
        super("Too many requests; retry after " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
        this.page = page;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The patient's HTML page, which answers with a small page rather than JSON. */
    public boolean page() {
        return page;
    }
}

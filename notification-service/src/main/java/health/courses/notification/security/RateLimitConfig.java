package health.courses.notification.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Requests allowed per period before 429: per clinic on changing endpoints, per client IP on the check-in. */
@ConfigMapping(prefix = "courses.rate-limit")
public interface RateLimitConfig {

    /** PUT contact, PUT settings, dead-letter replay: per clinic of the token. */
    Limit clinicWrites();

    /** The check-in page (GET and POST) and the check-in API: per client IP. */
    Limit checkIn();

    interface Limit {
        @WithDefault("true")
        boolean enabled();

        int capacity();

        @WithDefault("1m")
        Duration period();
    }
}

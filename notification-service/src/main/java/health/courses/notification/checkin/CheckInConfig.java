package health.courses.notification.checkin;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "courses.checkin")
public interface CheckInConfig {

    /**
     * The server secret the link tokens are derived from (HMAC-SHA256 key, at least 32 characters). Only dev and
     * test have a default; production must set {@code COURSES_CHECKIN_SECRET}. Rotating it invalidates open links.
     */
    String secret();

    /**
     * Where patients open the page: this service's public address. Links are written with the value current at send
     * time ({@link CheckInLinks}), not this startup copy.
     */
    String pageUrl();

    /** How long a link works after the check-in was first sent. */
    @WithDefault("72h")
    Duration linkValidity();

    /** After the follow-up: how long until the check-in is recorded unanswered and checkin.unanswered.v1 goes out. */
    @WithDefault("24h")
    Duration unansweredAfter();

    /** How often open check-ins are looked at for having become unanswered. */
    @WithDefault("10s")
    Duration sweepInterval();

    Rules rules();

    /**
     * The triage rules (domain.md, "Side effects after a session"). Any change of a threshold or rule must come
     * with a new version: each decision records the version that made it.
     */
    interface Rules {

        @WithDefault("1")
        int version();

        /** Pain at or above this (0-10) is reviewed by the clinic. */
        @WithDefault("7")
        int reviewPainAtLeast();
    }
}

package health.courses.scheduling.auth;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Production refuses to start with the local stack's settings: its private key is in the repository, so anyone could
 * mint tokens for its issuer. The check looks at the runtime profile (the packaged jar also runs the local profile,
 * where the dev issuer is right) and fails the start, so the process exits non-zero instead of serving.
 */
@ApplicationScoped
class ProductionSettings {

    static final String LOCAL_STACK_ISSUER = "urn:health-courses:local-stack";
    private static final Logger LOG = Logger.getLogger(ProductionSettings.class);

    void check(@Observes StartupEvent started,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        refusal(ConfigUtils.getProfiles(), issuer.orElse(null)).ifPresent(reason -> {
            LOG.error("refusing to start: " + reason);
            throw new IllegalStateException("refusing to start: " + reason);
        });
    }

    /** Why production must not start with these settings; empty when it may (or when this is not production). */
    static Optional<String> refusal(List<String> profiles, String issuer) {
        if (!profiles.contains("prod")) {
            return Optional.empty();
        }
        if (issuer != null && LOCAL_STACK_ISSUER.equals(issuer.strip())) {
            return Optional.of("the JWT issuer is the local stack's (" + LOCAL_STACK_ISSUER
                    + "), whose signing key is public; set COURSES_JWT_ISSUER and COURSES_JWT_PUBLIC_KEY_LOCATION to your identity provider's");
        }
        return Optional.empty();
    }
}

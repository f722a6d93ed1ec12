package health.courses.notification.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which settings production refuses to start with (the guard's rules without starting a prod instance). */
class StartupGuardTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final Optional<String> ISSUER = Optional.of("https://login.clinic.example");

    @Test
    void productionWithItsOwnIssuerAndKeyStarts() {
        assertThat(StartupGuard.reasonsToRefuse(true, ISSUER, Optional.of("k2026"), Map.of("k2026", KEY, "k2025", KEY)),
                empty());
    }

    @Test
    void productionRefusesTheLocalStackIssuerAndTheDevKey() {
        assertThat(StartupGuard.reasonsToRefuse(true, Optional.of("urn:health-courses:local-stack"), Optional.of("k"),
                Map.of("k", KEY)), contains(containsString("local stack")));
        assertThat(StartupGuard.reasonsToRefuse(true, ISSUER, Optional.of("dev"), Map.of("dev", KEY)),
                hasItem(containsString("dev key id")));
    }

    @Test
    void noKeyOrAnUnusableKeyIsRefusedInEveryProfile() {
        assertThat(StartupGuard.reasonsToRefuse(false, ISSUER, Optional.empty(), Map.of()),
                contains(containsString("no contact encryption key")));
        assertThat(StartupGuard.reasonsToRefuse(true, ISSUER, Optional.of("k"), Map.of()),
                contains(containsString("is not configured")));
        assertThat(StartupGuard.reasonsToRefuse(false, ISSUER, Optional.of("k"), Map.of("k", "c2hvcnQ=")),
                contains(containsString("AES-256 needs 32")));
        // The dev profile may use the local stack's issuer and the dev key.
        assertThat(StartupGuard.reasonsToRefuse(false, Optional.of("urn:health-courses:local-stack"), Optional.of("dev"),
                Map.of("dev", KEY)), empty());
    }
}

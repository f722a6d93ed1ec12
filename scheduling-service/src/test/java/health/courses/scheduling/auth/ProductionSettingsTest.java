package health.courses.scheduling.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The prod start-up check, without starting anything: which profile and issuer make it refuse. */
class ProductionSettingsTest {

    @Test
    void productionRefusesTheLocalStackIssuer() {
        Optional<String> reason = ProductionSettings.refusal(List.of("prod"), "urn:health-courses:local-stack");
        assertThat(reason.orElseThrow(), containsString("local stack"));
        assertEquals(reason, ProductionSettings.refusal(List.of("prod"), " urn:health-courses:local-stack "));
    }

    @Test
    void productionStartsWithAnotherIssuer() {
        assertEquals(Optional.empty(), ProductionSettings.refusal(List.of("prod"), "https://login.clinic.example/realms/x"));
    }

    @Test
    void devTestAndTheLocalRunKeepTheLocalStackIssuer() {
        for (List<String> profiles : List.of(List.of("dev"), List.of("test"), List.of("local", "dev"))) {
            assertEquals(Optional.empty(), ProductionSettings.refusal(profiles, "urn:health-courses:local-stack"),
                    profiles.toString());
        }
    }
}

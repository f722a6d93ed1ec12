package health.courses.notification.checkin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CheckInTokenTest {

    private final CheckInToken tokens = new CheckInToken(config("test-only-check-in-link-secret-never-use-in-production"));

    @Test
    void aTokenIs256UrlSafeBitsDerivedFromTheCheckInAndItsNonce() {
        UUID checkIn = UUID.randomUUID();
        byte[] nonce = CheckInToken.newNonce();
        String token = tokens.of(checkIn, nonce);

        assertThat(token, matchesPattern("[A-Za-z0-9_-]{43}"));
        assertThat(tokens.of(checkIn, nonce), equalTo(token));
        assertThat(tokens.of(UUID.randomUUID(), nonce), not(equalTo(token)));
        assertThat(tokens.of(checkIn, CheckInToken.newNonce()), not(equalTo(token)));
        assertThat(new CheckInToken(config("another-secret-of-at-least-thirty-two-characters")).of(checkIn, nonce),
                not(equalTo(token)));
        assertThat(tokens.matches(token, checkIn, nonce), equalTo(true));
        assertThat(tokens.matches(token.substring(1) + "A", checkIn, nonce), equalTo(false));
        assertThat(Arrays.equals(CheckInToken.hash(token), CheckInToken.hash(token)), equalTo(true));
        assertThat(CheckInToken.hash(token).length, equalTo(32));
    }

    @Test
    void aShortSecretIsRefusedAtStartup() {
        assertThrows(IllegalStateException.class, () -> new CheckInToken(config("too-short")));
    }

    private static CheckInConfig config(String secret) {
        return new CheckInConfig() {
            public String secret() {
                return secret;
            }

            public String pageUrl() {
                return "http://localhost";
            }

            public Duration linkValidity() {
                return Duration.ofHours(72);
            }

            public Duration unansweredAfter() {
                return Duration.ofHours(24);
            }

            public Duration sweepInterval() {
                return Duration.ofSeconds(10);
            }

            public Rules rules() {
                return null;
            }
        };
    }
}

package health.courses.localstack;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Signs tokens shaped like the ones the clinics' identity provider will issue (claims per the team contract). */
public final class DevTokens {

    public static final String ISSUER = "urn:health-courses:local-stack";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private DevTokens() {
    }

    public static String mint(String privateKeyBase64, String clinicId, String subject, Set<String> roles) {
        return mint(privateKeyBase64, clinicId, subject, roles, DEFAULT_LIFETIME);
    }

    public static String mint(String privateKeyBase64, String clinicId, String subject, Set<String> roles,
            Duration lifetime) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .claim("clinic_id", clinicId)
                .groups(roles)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(DevKeys.decodePrivate(privateKeyBase64));
    }
}

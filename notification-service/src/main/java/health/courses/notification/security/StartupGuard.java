package health.courses.notification.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import health.courses.notification.contact.ContactCipher;
import health.courses.notification.contact.ContactEncryptionConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Production must not run with the local stack's settings (team contract): with the dev token issuer anyone holding
 * the committed dev key could mint tokens, and with the dev contact key the database's ciphertexts are as good as
 * plaintext. The contact keys must also be usable in every profile, or contacts could be neither written nor read.
 * The process exits non-zero, with a log line saying why.
 */
@ApplicationScoped
class StartupGuard {

    private static final Logger LOG = Logger.getLogger(StartupGuard.class);
    static final String LOCAL_STACK_ISSUER = "urn:health-courses:local-stack";

    void check(@Observes StartupEvent started, Config config, ContactEncryptionConfig encryption) {
        boolean prod = ConfigUtils.getProfiles().contains("prod");
        List<String> reasons = reasonsToRefuse(prod, config.getOptionalValue("mp.jwt.verify.issuer", String.class),
                encryption.currentKeyId(), encryption.keys());
        if (!reasons.isEmpty()) {
            String reason = String.join("; ", reasons);
            LOG.error("refusing to start: " + reason);
            throw new IllegalStateException("refusing to start: " + reason);
        }
    }

    static List<String> reasonsToRefuse(boolean prod, Optional<String> issuer, Optional<String> currentKeyId,
            Map<String, String> keys) {
        List<String> reasons = new ArrayList<>();
        if (prod && issuer.map(LOCAL_STACK_ISSUER::equals).orElse(false)) {
            reasons.add("the JWT issuer is the local stack's " + LOCAL_STACK_ISSUER);
        }
        if (currentKeyId.isEmpty() || currentKeyId.get().isBlank()) {
            reasons.add("no contact encryption key (courses.contact-encryption.current-key-id)");
        } else if (!keys.containsKey(currentKeyId.get())) {
            reasons.add("the current contact encryption key " + currentKeyId.get()
                    + " is not configured (courses.contact-encryption.keys." + currentKeyId.get() + ")");
        } else if (prod && ContactEncryptionConfig.DEV_KEY_ID.equals(currentKeyId.get())) {
            reasons.add("the contact encryption key is the dev key id " + ContactEncryptionConfig.DEV_KEY_ID);
        }
        keys.forEach((id, encoded) -> {
            try {
                ContactCipher.key(id, encoded);
            } catch (IllegalStateException unusable) {
                reasons.add(unusable.getMessage());
            }
        });
        if (prod && keys.containsKey(ContactEncryptionConfig.DEV_KEY_ID)) {
            reasons.add("the dev contact encryption key is configured");
        }
        return reasons;
    }
}

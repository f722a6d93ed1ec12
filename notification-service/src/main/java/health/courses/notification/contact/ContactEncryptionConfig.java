package health.courses.notification.contact;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The keys contact details are encrypted with: {@code keys.<id>} is the base64 of 32 random bytes, and new values are
 * written under {@code current-key-id}. Older keys stay listed until the re-encryption job reports no row using them.
 */
@ConfigMapping(prefix = "courses.contact-encryption")
public interface ContactEncryptionConfig {

    /** The key id the dev and test profiles carry; production refuses to start with it. */
    String DEV_KEY_ID = "dev";

    Optional<String> currentKeyId();

    Map<String, String> keys();

    /** Rows encrypted or re-encrypted per transaction by the job. */
    @WithDefault("200")
    int reencryptBatchSize();

    /** How often the job looks for rows in clear or under an old key; it also runs shortly after each start. */
    @WithDefault("1h")
    Duration reencryptEvery();
}

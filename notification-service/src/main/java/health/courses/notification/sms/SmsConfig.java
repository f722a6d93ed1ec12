package health.courses.notification.sms;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "courses.notification.sms")
public interface SmsConfig {

    /** {@code provider} (the Twilio-style API) or {@code log} (local stack: logs the notification id only). */
    @WithDefault("provider")
    Gateway gateway();

    /** The provider account; required with {@code gateway=provider}. */
    Optional<String> accountSid();

    Optional<String> authToken();

    /** The sender number or name the provider knows us by. */
    Optional<String> from();

    enum Gateway {
        provider, log
    }
}

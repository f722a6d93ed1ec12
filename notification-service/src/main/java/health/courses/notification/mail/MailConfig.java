package health.courses.notification.mail;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "courses.notification.mail")
public interface MailConfig {

    /** Right-hand side of our Message-IDs; by default the domain of {@code quarkus.mailer.from}. */
    Optional<String> messageIdDomain();
}

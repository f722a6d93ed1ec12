package health.courses.notification.mail;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "courses.notification.mail")
public interface MailConfig {

    /** Right-hand side of our Message-IDs; by default the domain of {@code quarkus.mailer.from}. */
    Optional<String> messageIdDomain();

    /** The domain of an address such as {@code Clinic reminders <reminders@courses.local>}. */
    static String domainOf(String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "" : from.substring(at + 1).replace(">", "").strip();
        return domain.isEmpty() ? "localhost" : domain;
    }
}

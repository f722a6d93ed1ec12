package health.courses.notification.mail;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "courses.notification.mail")
public interface MailConfig {

    /** Right-hand side of our Message-IDs; by default the domain of {@code quarkus.mailer.from}. */
    Optional<String> messageIdDomain();

    /**
     * The ORGANIZER of calendar parts for a clinic that gave no reply-to address in its settings; by default the
     * address of {@code quarkus.mailer.from}.
     */
    Optional<String> calendarOrganizer();

    /** The domain of an address such as {@code Clinic reminders <reminders@courses.local>}. */
    static String domainOf(String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "" : from.substring(at + 1).replace(">", "").strip();
        return domain.isEmpty() ? "localhost" : domain;
    }

    /** The bare address of {@code Clinic reminders <reminders@courses.local>}: {@code reminders@courses.local}. */
    static String addressOf(String from) {
        int open = from.lastIndexOf('<');
        int close = from.lastIndexOf('>');
        return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
    }
}

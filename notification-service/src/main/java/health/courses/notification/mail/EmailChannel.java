package health.courses.notification.mail;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import health.courses.notification.contact.Contact;
import health.courses.notification.notification.Channel;
import health.courses.notification.notification.Delivery;
import io.quarkus.arc.All;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/** Email over SMTP through the Quarkus mailer. */
@ApplicationScoped
public class EmailChannel implements Channel {

    static final String NAME = "email";

    private final ReactiveMailer mailer;
    private final Map<String, MailComposer> composers;
    private final String messageIdDomain;

    EmailChannel(ReactiveMailer mailer, @All List<MailComposer> composers, MailConfig config,
            @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.mailer = mailer;
        this.composers = composers.stream()
                .flatMap(composer -> composer.kinds().stream().map(kind -> Map.entry(kind, composer)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        this.messageIdDomain = config.messageIdDomain().orElseGet(() -> MailConfig.domainOf(from));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean canReach(Contact contact) {
        return contact.email() != null && !contact.email().isBlank();
    }

    @Override
    public Uni<Void> send(Delivery delivery) {
        MailComposer composer = composers.get(delivery.kind());
        if (composer == null) {
            return Uni.createFrom().failure(new IllegalStateException("No email is written for " + delivery.kind()));
        }
        MailText text = composer.compose(delivery);
        Mail mail = Mail.withText(delivery.contact().email(), text.subject(), text.text())
                .setHtml(text.html())
                .addHeader("Message-ID", messageId(delivery.notificationId()))
                // RFC 3834: tells mail servers and clients not to send vacation replies to us.
                .addHeader("Auto-Submitted", "auto-generated");
        for (MailText.Attachment attachment : text.attachments()) {
            mail.addAttachment(attachment.name(), attachment.data(), attachment.contentType());
        }
        return mailer.send(mail);
    }

    /**
     * The same on every attempt of a notification, so a message sent twice after an unknown outcome (timeout,
     * crash before the result was recorded) shows up as a duplicate Message-ID rather than as two messages.
     */
    String messageId(UUID notificationId) {
        return "<notification-" + notificationId + "@" + messageIdDomain + ">";
    }
}

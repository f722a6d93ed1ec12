package health.courses.notification.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import health.courses.notification.contact.Contact;
import health.courses.notification.notification.Channel;
import health.courses.notification.notification.Delivery;
import health.courses.notification.settings.ClinicAddresses;
import health.courses.notification.unsubscribe.UnsubscribeLinks;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;

/**
 * Email over SMTP through the Vert.x mail client that the Quarkus mailer configures. The client, not the Quarkus
 * {@code Mailer}: that one always hands Vert.x a (possibly empty) Cc list, which Vert.x writes as an empty
 * {@code Cc:} header, and RFC 5322 wants at least one address in a Cc field.
 */
@ApplicationScoped
public class EmailChannel implements Channel {

    static final String NAME = "email";

    private final MailClient mailer;
    private final Map<String, MailComposer> composers;
    private final ClinicAddresses clinics;
    private final UnsubscribeLinks unsubscribe;
    private final String from;
    private final String messageIdDomain;
    private final String defaultOrganizer;

    EmailChannel(MailClient mailer, @All List<MailComposer> composers, MailConfig config, ClinicAddresses clinics,
            UnsubscribeLinks unsubscribe, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.mailer = mailer;
        this.clinics = clinics;
        this.unsubscribe = unsubscribe;
        this.from = from;
        this.composers = composers.stream()
                .flatMap(composer -> composer.kinds().stream().map(kind -> Map.entry(kind, composer)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        this.messageIdDomain = config.messageIdDomain().orElseGet(() -> MailConfig.domainOf(from));
        this.defaultOrganizer = config.calendarOrganizer().orElseGet(() -> MailConfig.addressOf(from));
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
        return clinics.of(delivery.clinicId()).chain(clinic -> {
            Letterhead letterhead = new Letterhead(clinic.clinicName(), clinic.replyTo(),
                    clinic.replyTo() != null ? clinic.replyTo() : defaultOrganizer);
            return mailer.sendMail(message(delivery, composer.compose(delivery, letterhead), letterhead));
        }).replaceWithVoid();
    }

    MailMessage message(Delivery delivery, MailText text, Letterhead letterhead) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Message-ID", messageId(delivery.notificationId()))
                // RFC 3834: tells mail servers and clients not to send vacation replies to us.
                .add("Auto-Submitted", "auto-generated");
        if (letterhead.replyTo() != null) {
            headers.add("Reply-To", letterhead.replyTo());
        }
        // RFC 8058 one-click unsubscribe (and RFC 2369's link): for every kind the patient may decline.
        unsubscribe.link(delivery.clinicId(), delivery.patientId(), delivery.kind()).ifPresent(link -> headers
                .add("List-Unsubscribe", "<" + link + ">")
                .add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        List<MailAttachment> attachments = new ArrayList<>();
        for (MailText.Attachment attachment : text.attachments()) {
            attachments.add(MailAttachment.create().setName(attachment.name())
                    .setContentType(attachment.contentType())
                    .setData(Buffer.buffer(attachment.data())));
        }
        return new MailMessage()
                .setFrom(from)
                .setTo(delivery.contact().email())
                .setSubject(text.subject())
                .setText(text.text())
                .setHtml(text.html())
                .setAttachment(attachments)
                .setHeaders(headers);
    }

    /**
     * The same on every attempt of a notification, so a message sent twice after an unknown outcome (timeout,
     * crash before the result was recorded) shows up as a duplicate Message-ID rather than as two messages.
     */
    String messageId(UUID notificationId) {
        return "<notification-" + notificationId + "@" + messageIdDomain + ">";
    }
}

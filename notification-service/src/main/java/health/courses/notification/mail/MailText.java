package health.courses.notification.mail;

import java.util.List;

/**
 * A rendered message: the same content as plain text and as HTML, for whichever the patient's mail client shows,
 * and any attachments (e.g. the session as an iCalendar file).
 */
public record MailText(String subject, String text, String html, List<Attachment> attachments) {

    public MailText(String subject, String text, String html) {
        this(subject, text, html, List.of());
    }

    public MailText {
        attachments = List.copyOf(attachments);
    }

    public MailText with(List<Attachment> more) {
        return new MailText(subject, text, html, more);
    }

    public record Attachment(String name, String contentType, byte[] data) {
    }
}

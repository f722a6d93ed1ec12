package health.courses.notification.mail;

/** A rendered message: the same content as plain text and as HTML, for whichever the patient's mail client shows. */
public record MailText(String subject, String text, String html) {
}

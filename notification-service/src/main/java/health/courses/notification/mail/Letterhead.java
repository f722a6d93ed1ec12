package health.courses.notification.mail;

/**
 * The clinic a mail comes from, as its notification settings say now.
 *
 * @param clinicName the name patients know it by
 * @param replyTo    where patients' replies go ({@code Reply-To}); null when the clinic gave no address
 * @param organizer  the ORGANIZER address of a calendar part (RFC 5546): the reply-to address, else the sender's
 */
public record Letterhead(String clinicName, String replyTo, String organizer) {
}

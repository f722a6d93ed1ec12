package health.courses.localstack;

import java.util.List;
import java.util.Map;

/** A mail as read back over IMAP; text and html are null when the message has no such part. */
public record ReceivedMail(String messageId, String from, List<String> to, String subject, String text,
        String html, Map<String, List<String>> headers, List<String> attachmentNames) {
}

package health.courses.localstack;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a mailbox of the local mail server over IMAP, the way a patient's mail client would, so tests
 * prove what actually went over the wire rather than what the mailer was asked to send.
 */
public final class Mailbox {

    private static final String ANY_PASSWORD = "local";

    private Mailbox() {
    }

    /** All mails in the INBOX of {@code address}, oldest first; empty when nothing arrived yet. */
    public static List<ReceivedMail> read(String imapHost, int imapPort, String address) {
        // Jakarta Mail finds its providers through the context class loader; on a Quarkus test's
        // polling threads that loader sees another copy of the API, so pin it to ours.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Mailbox.class.getClassLoader());
        try {
            return readInbox(imapHost, imapPort, address);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<ReceivedMail> readInbox(String imapHost, int imapPort, String address) {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "10000");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect(imapHost, imapPort, address, ANY_PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<ReceivedMail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(toReceived((MimeMessage) message));
                }
                return List.copyOf(mails);
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read mailbox " + address + " at " + imapHost + ":" + imapPort, e);
        }
    }

    private static ReceivedMail toReceived(MimeMessage message) throws MessagingException, IOException {
        Parts parts = new Parts();
        parts.collect(message);
        return new ReceivedMail(
                message.getMessageID(),
                first(addresses(message.getFrom())),
                addresses(message.getRecipients(Message.RecipientType.TO)),
                message.getSubject(),
                parts.text,
                parts.html,
                headers(message),
                List.copyOf(parts.attachmentNames));
    }

    private static List<String> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(headers);
    }

    /** Walks the MIME tree: the first inline text/plain and text/html win, anything named is an attachment. */
    private static final class Parts {
        private String text;
        private String html;
        private final List<String> attachmentNames = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (isAttachment(part)) {
                attachmentNames.add(part.getFileName());
            } else if (part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }

        private static boolean isAttachment(Part part) throws MessagingException {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                    || (part.getFileName() != null && !part.isMimeType("multipart/*"));
        }
    }
}

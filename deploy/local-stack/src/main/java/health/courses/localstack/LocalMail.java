package health.courses.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail SMTP + IMAP with authentication disabled: every recipient gets a mailbox on delivery and IMAP accepts
 * the recipient address as user with any password. Mail lives in memory only.
 */
public final class LocalMail implements AutoCloseable {

    public static final String HOST = "localhost";
    private static final String BIND_ADDRESS = "127.0.0.1";

    private final GreenMail greenMail;

    private LocalMail(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Port 0 picks a free port. */
    public static LocalMail start(int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, BIND_ADDRESS, ServerSetup.PROTOCOL_IMAP);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                smtpPort == 0 ? smtp.dynamicPort() : smtp,
                imapPort == 0 ? imap.dynamicPort() : imap});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException("cannot start the mail server on SMTP " + smtpPort + " / IMAP " + imapPort, e);
        }
        return new LocalMail(greenMail);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

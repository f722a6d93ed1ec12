package health.courses.notification.sms;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/** The local stack's SMS "provider": records that a message would have gone out, by notification id only. */
@ApplicationScoped
class LogSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(LogSmsGateway.class);

    @Override
    public Uni<Void> send(SmsMessage message) {
        LOG.infof("SMS for notification %s accepted by the log-only gateway", message.notificationId());
        return Uni.createFrom().voidItem();
    }
}

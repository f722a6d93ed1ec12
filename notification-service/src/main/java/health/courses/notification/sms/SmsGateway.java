package health.courses.notification.sms;

import io.smallrye.mutiny.Uni;

/** Where text messages go: a provider's API in production, the log in the local stack. */
public interface SmsGateway {

    Uni<Void> send(SmsMessage message);
}

package health.courses.notification.sms;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import health.courses.notification.contact.Channels;
import health.courses.notification.contact.Contact;
import health.courses.notification.notification.Channel;
import health.courses.notification.notification.Delivery;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;

/** Text messages to the patient's phone through the configured {@link SmsGateway}. */
@ApplicationScoped
public class SmsChannel implements Channel {

    private final Map<String, SmsComposer> composers;
    private final Instance<ProviderSmsGateway> provider;
    private final Instance<LogSmsGateway> log;
    private final SmsConfig config;

    SmsChannel(@All List<SmsComposer> composers, Instance<ProviderSmsGateway> provider, Instance<LogSmsGateway> log,
            SmsConfig config) {
        this.composers = composers.stream()
                .flatMap(composer -> composer.kinds().stream().map(kind -> Map.entry(kind, composer)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        this.provider = provider;
        this.log = log;
        this.config = config;
    }

    @Override
    public String name() {
        return Channels.SMS;
    }

    @Override
    public boolean canReach(Contact contact) {
        return contact.phone().isPresent();
    }

    @Override
    public Uni<Void> send(Delivery delivery) {
        SmsComposer composer = composers.get(delivery.kind());
        if (composer == null) {
            return Uni.createFrom().failure(new IllegalStateException("No text message is written for " + delivery.kind()));
        }
        SmsMessage message = new SmsMessage(delivery.notificationId(), delivery.notificationId().toString(),
                delivery.contact().phone().orElseThrow(), composer.compose(delivery));
        return gateway().send(message);
    }

    /** Resolved on use: the provider gateway needs credentials that the local stack does not have. */
    private SmsGateway gateway() {
        return config.gateway() == SmsConfig.Gateway.log ? log.get() : provider.get();
    }
}

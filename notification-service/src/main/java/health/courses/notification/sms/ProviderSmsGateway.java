package health.courses.notification.sms;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import health.courses.notification.notification.PermanentFailure;
import io.smallrye.mutiny.Uni;

/**
 * Sends through the provider's REST API. A 4xx answer (other than 408 and 429) means the provider will never take
 * this request and is a {@link PermanentFailure}; 5xx, 408, 429 and network errors are retried by the dispatcher.
 */
@ApplicationScoped
class ProviderSmsGateway implements SmsGateway {

    private final SmsProviderApi api;
    private final String accountSid;
    private final String authorization;
    private final String from;

    ProviderSmsGateway(@RestClient SmsProviderApi api, SmsConfig config) {
        this.api = api;
        this.accountSid = config.accountSid()
                .orElseThrow(() -> new IllegalStateException("courses.notification.sms.account-sid is not set"));
        String token = config.authToken()
                .orElseThrow(() -> new IllegalStateException("courses.notification.sms.auth-token is not set"));
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + token).getBytes(StandardCharsets.UTF_8));
        this.from = config.from().orElseThrow(() -> new IllegalStateException("courses.notification.sms.from is not set"));
    }

    @Override
    public Uni<Void> send(SmsMessage message) {
        return api.send(accountSid, authorization, message.idempotencyKey(), message.to(), from, message.body())
                .onFailure(WebApplicationException.class).transform(ProviderSmsGateway::classify)
                .replaceWithVoid();
    }

    private static Throwable classify(Throwable failure) {
        int status = ((WebApplicationException) failure).getResponse().getStatus();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            // The provider's body may quote the number; only the status is kept.
            return new PermanentFailure("SMS provider refused the message with HTTP " + status);
        }
        return new IllegalStateException("SMS provider answered HTTP " + status);
    }
}

package health.courses.notification.reply;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Where the provider calls us and with which auth token it signs. Twilio signs every webhook with the auth token of
 * the account the number belongs to: by default that is the account this service sends with
 * ({@code courses.notification.sms.auth-token}); a clinic whose numbers live in an account (or subaccount) of its own
 * names that account's token under {@code auth-tokens.<clinic id>}.
 */
@ConfigMapping(prefix = "courses.sms.inbound")
interface InboundSmsConfig {

    /**
     * The public address the provider calls, e.g. {@code https://notify.praxis.example}; the signed URL is this plus
     * {@code /sms/inbound/<clinic id>} and the query string as received. Defaults to {@code courses.checkin.page-url}
     * (the public address of this service). Never taken from the request's Host or X-Forwarded-* headers: the
     * provider signs the URL it was configured with, and a header a client can set must not decide what is signed.
     */
    Optional<String> publicUrl();

    /** Per clinic id, the auth token of the account its numbers belong to. Secrets: never logged, never answered. */
    Map<String, String> authTokens();
}

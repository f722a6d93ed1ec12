package health.courses.system;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * An SMS a patient sends to a clinic's number, posted to notification-service's webhook as the provider would post
 * it: form-encoded, signed with {@code X-Twilio-Signature} (Base64 HMAC-SHA1 under the account's auth token over the
 * URL followed by every parameter sorted by name). The services run in the local profile, whose auth token is the
 * dev one the local run also writes to {@code .local/stack.env} as {@code SMS_AUTH_TOKEN}.
 */
final class SmsReplies {

    static final String DEV_AUTH_TOKEN = "dev-only-sms-auth-token-never-use-in-production";

    private SmsReplies() {
    }

    static Response send(SystemUnderTest system, String clinicId, String from, String body) {
        String url = system.notificationUrl() + "/sms/inbound/" + clinicId;
        Map<String, String> form = new TreeMap<>(Map.of(
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "AccountSid", "AC00000000000000000000000000000000",
                "From", from,
                "To", "+15005550006",
                "Body", body,
                "NumSegments", "1"));
        StringBuilder signed = new StringBuilder(url);
        form.forEach((name, value) -> signed.append(name).append(value));
        return given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParams(form)
                .header("X-Twilio-Signature", hmacSha1(DEV_AUTH_TOKEN, signed.toString()))
                .post(url);
    }

    private static String hmacSha1(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }
}

package health.courses.notification.reply;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Twilio-Signature} of a webhook request, the convention most SMS providers follow: Base64 of
 * HMAC-SHA1 under the account's auth token over the full URL the provider called (scheme, host, path and query string)
 * followed by every POST parameter sorted by name, each name immediately followed by its value. Every parameter
 * received is signed, including ones we do not read: the provider adds new ones without notice. A name sent twice
 * contributes each value, values in order, as the provider's own libraries do.
 */
final class TwilioSignature {

    private TwilioSignature() {
    }

    static String of(String authToken, String url, Map<String, List<String>> parameters) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            sorted.forEach(value -> signed.append(name).append(value));
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA1 is not available", unavailable);
        }
    }

    /** Constant time in the signature's content, so a forger learns nothing from how long a refusal took. */
    static boolean matches(String presented, String authToken, String url, Map<String, List<String>> parameters) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
                of(authToken, url, parameters).getBytes(StandardCharsets.US_ASCII));
    }
}

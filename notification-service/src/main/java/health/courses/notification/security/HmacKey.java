package health.courses.notification.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC-SHA256 key that signs many small inputs: links written into every mail. {@code Mac.getInstance} and
 * {@code init} cost more than signing a few dozen bytes (a provider lookup and the key's pads each time), so each
 * thread keeps one {@link Mac} initialised once with the key; {@code doFinal} leaves it reset for the next input.
 * A {@code Mac} is not thread-safe, hence one per thread rather than one shared.
 */
public final class HmacKey {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    private HmacKey(SecretKeySpec key) {
        this.key = key;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * The key for one purpose, derived from a shared secret under its own label ({@code HMAC(secret, label)}), so a
     * token signed for one purpose never passes for another.
     */
    public static HmacKey derived(String secret, String label) {
        HmacKey root = new HmacKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        return new HmacKey(new SecretKeySpec(root.sign(label.getBytes(StandardCharsets.UTF_8)), ALGORITHM));
    }

    public byte[] sign(byte[] input) {
        return macs.get().doFinal(input);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
        }
    }
}

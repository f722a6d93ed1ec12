package health.courses.notification.checkin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The secret in a check-in link. {@code token = base64url(HMAC-SHA256(secret, checkInId || nonce))} with a 128-bit
 * random nonce per check-in: 256 bits that nobody can guess, scoped to one check-in. Only {@code SHA-256(token)}
 * (for the lookup) and the nonce are stored. Why derived rather than random and forgotten: a message is written
 * when it is sent, and a retry or the follow-up writes it again, so the token must be reproducible at send time
 * without ever being stored; a copy of the database alone (nonces and hashes) yields no working link.
 */
@ApplicationScoped
public class CheckInToken {

    static final int NONCE_BYTES = 16;
    /** base64url of a 32-byte MAC, without padding. */
    private static final int TOKEN_LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    CheckInToken(CheckInConfig config) {
        byte[] secret = config.secret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("courses.checkin.secret must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    static byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    public String of(UUID checkInId, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            ByteBuffer input = ByteBuffer.allocate(16 + nonce.length);
            input.putLong(checkInId.getMostSignificantBits()).putLong(checkInId.getLeastSignificantBits()).put(nonce);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.array()));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
        }
    }

    /**
     * What the database keeps of a token, and looks it up by. A string that cannot be one of our tokens hashes all
     * the same, so a malformed guess takes the same path and gets the same answer as a well-formed one.
     */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("SHA-256 is not available", unavailable);
        }
    }

    /** A second, constant-time check that the presented token is the one derived for this check-in. */
    boolean matches(String presented, UUID checkInId, byte[] nonce) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                of(checkInId, nonce).getBytes(StandardCharsets.UTF_8));
    }

    /** Bounds the work a request can cause; a too-long value is treated like any unknown token. */
    static Optional<String> plausible(String token) {
        return token == null || token.length() > 4 * TOKEN_LENGTH ? Optional.empty() : Optional.of(token);
    }
}

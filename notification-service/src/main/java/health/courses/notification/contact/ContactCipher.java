package health.courses.notification.contact;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * AES-256-GCM for contact values, with the JDK's own provider: authenticated encryption needs nothing more, and the
 * JDK's implementation is the best-maintained one we could depend on. Each value gets a fresh random 96-bit nonce,
 * stored in front of the ciphertext ({@code nonce || ciphertext || 128-bit tag}). The associated data binds a value
 * to its clinic, patient and field, so a ciphertext copied into another row or column fails to decrypt instead of
 * showing one patient's address to another.
 */
@ApplicationScoped
public class ContactCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    /**
     * One AES-GCM cipher per thread for decryption: {@code Cipher.getInstance} (a provider lookup) cost more than
     * decrypting an address, once per mail sent. It is initialised afresh with each value's nonce, as GCM requires.
     * Encryption keeps a new instance per value: it is rare (a contact written), and GCM refuses a cipher re-used
     * for encryption with the same key and nonce anyway.
     */
    private static final ThreadLocal<Cipher> DECRYPTERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String currentKeyId;
    private final PhoneLookup phones;

    ContactCipher(ContactEncryptionConfig config, PhoneLookup phones) {
        config.keys().forEach((id, encoded) -> keys.put(id, key(id, encoded)));
        this.currentKeyId = config.currentKeyId().orElse(null);
        this.phones = phones;
    }

    /** The keyed hash a phone number is looked up by (issue 18), written next to its ciphertext; null without one. */
    byte[] phoneLookup(String phone) {
        return phones.of(phone);
    }

    /** The key new values are written under. */
    public String currentKeyId() {
        if (currentKeyId == null || !keys.containsKey(currentKeyId)) {
            throw new IllegalStateException("No current contact encryption key configured");
        }
        return currentKeyId;
    }

    public boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    public byte[] encrypt(Field field, UUID clinicId, UUID patientId, String value) {
        return encrypt(currentKeyId(), field, clinicId, patientId, value);
    }

    /** Under a named key: the current one, or (tests) one that is about to be rotated out. */
    public byte[] encrypt(String keyId, Field field, UUID clinicId, UUID patientId, String value) {
        if (value == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keyOf(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(field, clinicId, patientId));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * An address as a {@code patient_contact} row stores it: a row without a key id is legacy plaintext (before V20),
     * otherwise the ciphertext is decrypted under its key.
     */
    Optional<String> stored(String keyId, Field field, ContactKey key, byte[] ciphertext, String legacy) {
        return keyId == null ? Optional.ofNullable(legacy)
                : decrypt(keyId, field, key.clinicId(), key.patientId(), ciphertext);
    }

    /** @throws Unreadable when the key is unknown, or the value was altered or belongs to another row or field */
    public Optional<String> decrypt(String keyId, Field field, UUID clinicId, UUID patientId, byte[] stored) {
        if (stored == null) {
            return Optional.empty();
        }
        if (!knows(keyId)) {
            throw new Unreadable("key " + keyId + " is not configured");
        }
        if (stored.length <= NONCE_BYTES) {
            throw new Unreadable("value too short");
        }
        try {
            Cipher cipher = DECRYPTERS.get();
            cipher.init(Cipher.DECRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(field, clinicId, patientId));
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (javax.crypto.AEADBadTagException altered) {
            throw new Unreadable("authentication failed (altered, or another row's or field's value)");
        } catch (GeneralSecurityException e) {
            throw new Unreadable(e.getClass().getSimpleName());
        }
    }

    private SecretKey keyOf(String keyId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Contact encryption key " + keyId + " is not configured");
        }
        return key;
    }

    private static byte[] associatedData(Field field, UUID clinicId, UUID patientId) {
        return ("patient_contact/v1/" + clinicId + "/" + patientId + "/" + field.column)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A configured key: base64 of exactly 32 bytes (AES-256). The message never quotes the key. */
    public static SecretKey key(String id, String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("Contact encryption key " + id + " is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("Contact encryption key " + id + " has " + bytes.length
                    + " bytes; AES-256 needs " + KEY_BYTES);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The encrypted columns; the name is part of the associated data. */
    public enum Field {
        EMAIL("email"), PHONE("phone"),
        /** A patient's SMS reply kept for the clinic (table patient_message). */
        MESSAGE("message");

        final String column;

        Field(String column) {
            this.column = column;
        }
    }

    /** A stored value that cannot be decrypted: never shown, never sent to. The message holds no contact data. */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String reason) {
            super("Contact cannot be decrypted: " + reason, null, false, false);
        }
    }
}

package health.courses.notification.contact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * The keyed hash a contact's phone number is found by (an SMS reply names only its sender): {@code
 * HMAC-SHA256(key, E.164 number)}. Keyed, because a plain hash of a phone number is reversed by trying every number of
 * a country; the key is derived from {@code courses.checkin.secret} with its own label, like the unsubscribe links'
 * key, so there is no new secret to operate and a copy of the database alone reveals no number. Changing that secret
 * changes every hash: {@link PhoneLookupBackfill} then has to write them anew (it fills rows whose hash is missing).
 *
 * <p>Numbers are compared in E.164 as libphonenumber formats them (Google's own metadata of every numbering plan,
 * kept current release by release; a hand-written rule would not know that {@code +49 030 …} carries a trunk 0 that
 * E.164 drops).
 */
@ApplicationScoped
public class PhoneLookup {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    private final SecretKeySpec key;

    PhoneLookup(@ConfigProperty(name = "courses.checkin.secret") String secret) {
        this.key = new SecretKeySpec(mac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "phone-lookup".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /** The number in E.164; empty for anything that is not an international number (a sender id, garbage). */
    public static Optional<String> e164(String number) {
        if (number == null || !number.strip().startsWith("+")) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed = NUMBERS.parse(number.strip(), null);
            return NUMBERS.isPossibleNumber(parsed)
                    ? Optional.of(NUMBERS.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /** Null for no number (a contact without phone has no lookup value). */
    public byte[] of(String number) {
        return e164(number).map(normalized -> mac(key, normalized.getBytes(StandardCharsets.US_ASCII))).orElse(null);
    }

    private static byte[] mac(SecretKeySpec key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
        }
    }
}

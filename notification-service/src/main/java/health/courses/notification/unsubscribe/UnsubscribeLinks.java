package health.courses.notification.unsubscribe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;


import health.courses.notification.checkin.CheckInConfig;
import health.courses.notification.contact.MessageKinds;
import health.courses.notification.checkin.PageUrl;
import health.courses.notification.security.HmacKey;

/**
 * The one-click unsubscribe link of a mail (RFC 8058): {@code <page-url>/unsubscribe/<token>}, where the token is
 * {@code base64url(clinicId || patientId || kind) "." base64url(HMAC-SHA256(key, the same bytes))}. Stateless, so a
 * link in a years-old mail still works and nothing is stored per message; the MAC makes it unforgeable, so nobody
 * opts another patient out. The key is derived from the check-in secret with its own label (no new secret to
 * operate), so a check-in token can never pass as an unsubscribe token or the other way round. The token names
 * ids and a kind of message only, never contact data.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    private static final Pattern KINDS = Pattern.compile(MessageKinds.PATTERN);
    private static final int IDS = 32;
    /** Bounds the work one request can cause; longer strings are not ours. */
    private static final int MAX_TOKEN_LENGTH = 200;

    private final HmacKey key;
    private final PageUrl pageUrl = new PageUrl();

    UnsubscribeLinks(CheckInConfig config) {
        this.key = HmacKey.derived(config.secret(), "list-unsubscribe");
    }

    /** The patient's opt-out of this kind of message; a request to opt out of one kind, read back from a link. */
    public record OptOut(UUID clinicId, UUID patientId, String kind) {
    }

    /** Empty for a kind the patient cannot opt out of (check-ins: the clinic needs their answers). */
    public Optional<String> link(UUID clinicId, UUID patientId, String kind) {
        if (!KINDS.matcher(kind).matches()) {
            return Optional.empty();
        }
        return Optional.of(pageUrl.get() + "/unsubscribe/" + token(new OptOut(clinicId, patientId, kind)));
    }

    String token(OptOut optOut) {
        byte[] kind = optOut.kind().getBytes(StandardCharsets.US_ASCII);
        byte[] body = ByteBuffer.allocate(IDS + kind.length)
                .putLong(optOut.clinicId().getMostSignificantBits()).putLong(optOut.clinicId().getLeastSignificantBits())
                .putLong(optOut.patientId().getMostSignificantBits()).putLong(optOut.patientId().getLeastSignificantBits())
                .put(kind).array();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(body) + "." + base64.encodeToString(key.sign(body));
    }

    /** Empty for anything that is not a token we wrote, whatever is wrong with it. */
    public Optional<OptOut> read(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            byte[] body = base64.decode(token.substring(0, dot));
            byte[] presented = base64.decode(token.substring(dot + 1));
            if (body.length <= IDS || !MessageDigest.isEqual(presented, key.sign(body))) {
                return Optional.empty();
            }
            ByteBuffer ids = ByteBuffer.wrap(body);
            UUID clinicId = new UUID(ids.getLong(), ids.getLong());
            UUID patientId = new UUID(ids.getLong(), ids.getLong());
            String kind = new String(body, IDS, body.length - IDS, StandardCharsets.US_ASCII);
            return KINDS.matcher(kind).matches() ? Optional.of(new OptOut(clinicId, patientId, kind)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}

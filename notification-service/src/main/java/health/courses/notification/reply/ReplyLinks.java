package health.courses.notification.reply;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import health.courses.notification.checkin.PageUrl;
import health.courses.notification.security.HmacKey;

/**
 * The "Confirm" and "I need another time" links of a reminder mail: {@code <page-url>/session-reply/<token>}, the token
 * {@code base64url(clinicId || patientId || sessionId || action) "." base64url(HMAC-SHA256(key, the same bytes))}.
 * Single-purpose: one session, one action, so a forwarded confirm link can do nothing else. Stateless like the
 * unsubscribe link (nothing stored per mail; rendered at send time, so a retry renders the same link); the key is
 * derived from {@code courses.checkin.secret} under its own label, so no check-in or unsubscribe token passes as one.
 * The link is good while the session is scheduled and to come; what it can do is decided when it is used.
 */
@ApplicationScoped
public class ReplyLinks {

    private static final int BODY = 16 * 3 + 1;
    private static final int MAX_TOKEN_LENGTH = 200;

    /** What the patient asks for with a link. */
    public enum Action {
        CONFIRM('c'), RESCHEDULE('r');

        final char code;

        Action(char code) {
            this.code = code;
        }
    }

    /** A link read back. */
    record Request(UUID clinicId, UUID patientId, UUID sessionId, Action action) {
    }

    private final HmacKey key;
    private final PageUrl pageUrl = new PageUrl();

    ReplyLinks(@ConfigProperty(name = "courses.checkin.secret") String secret) {
        this.key = HmacKey.derived(secret, "session-reply");
    }

    public ReplyButtons buttons(UUID clinicId, UUID patientId, UUID sessionId) {
        return new ReplyButtons(link(new Request(clinicId, patientId, sessionId, Action.CONFIRM)),
                link(new Request(clinicId, patientId, sessionId, Action.RESCHEDULE)));
    }

    String link(Request request) {
        return pageUrl.get() + "/session-reply/" + token(request);
    }

    static String path(String token) {
        return "/session-reply/" + token;
    }

    String token(Request request) {
        byte[] body = ByteBuffer.allocate(BODY)
                .putLong(request.clinicId().getMostSignificantBits()).putLong(request.clinicId().getLeastSignificantBits())
                .putLong(request.patientId().getMostSignificantBits()).putLong(request.patientId().getLeastSignificantBits())
                .putLong(request.sessionId().getMostSignificantBits()).putLong(request.sessionId().getLeastSignificantBits())
                .put((byte) request.action().code).array();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(body) + "." + base64.encodeToString(key.sign(body));
    }

    /** Empty for anything that is not a link we wrote, whatever is wrong with it. */
    Optional<Request> read(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || token.indexOf('.') < 0) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            byte[] body = base64.decode(token.substring(0, dot));
            byte[] presented = base64.decode(token.substring(dot + 1));
            if (body.length != BODY || !MessageDigest.isEqual(presented, key.sign(body))) {
                return Optional.empty();
            }
            ByteBuffer ids = ByteBuffer.wrap(body);
            UUID clinicId = new UUID(ids.getLong(), ids.getLong());
            UUID patientId = new UUID(ids.getLong(), ids.getLong());
            UUID sessionId = new UUID(ids.getLong(), ids.getLong());
            char code = (char) ids.get();
            Action action = code == 'c' ? Action.CONFIRM : code == 'r' ? Action.RESCHEDULE : null;
            return Optional.ofNullable(action).map(found -> new Request(clinicId, patientId, sessionId, found));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}

package health.courses.scheduling.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.support.hostile.Alphabet;
import health.courses.scheduling.support.hostile.Draw;
import health.courses.scheduling.support.hostile.Gen;
import health.courses.scheduling.support.hostile.JsonValues;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Properties (plain JUnit over seeded generated cases, no Quarkus needed) of the two values clients hand back to us
 * untouched: request ids and paging cursors. Whatever arrives, a request id that reaches the logs is a plain token, and
 * a cursor either decodes or is refused as the client's error, never a 500.
 */
class UntrustedTokensPropertyTest {

    private static final int CASES = 2000;

    /** Strings a client could send: plain tokens around the 64-character limit, tokens with one bad character, junk. */
    private static final Gen<String> OFFERED = Gen.oneOf(
            draw -> draw.chars(0, 70, Alphabet.TOKEN),
            draw -> {
                String token = draw.chars(1, 40, Alphabet.TOKEN);
                int at = draw.between(0, token.length());
                return token.substring(0, at) + draw.chars(1, 1, Alphabet.MIXED) + token.substring(at);
            },
            draw -> draw.chars(0, 80, Alphabet.ANY),
            draw -> draw.chars(0, 80, Alphabet.MIXED),
            Gen.of("", " ", "\u0000", "a\u0000b", "a\r\nrequestId=forged", "x".repeat(64), "x".repeat(65), "ok ",
                    "\u00e9t\u00e9", "𝕏", "\uD800", "..", "-", "%41"));

    /** Cursor keys: what our lists put in (instants, UUIDs), those slightly off, separators, NUL and junk. */
    private static final Gen<String> KEY = Gen.oneOf(
            draw -> Instant.ofEpochSecond(draw.between(-2_000_000_000, 2_000_000_000), draw.between(0, 999_999_999))
                    .toString(),
            draw -> draw.uuid().toString(),
            draw -> draw.uuid().toString().substring(0, draw.between(0, 35)),
            draw -> draw.chars(0, 40, Alphabet.MIXED),
            draw -> draw.chars(0, 40, Alphabet.ANY),
            Gen.of("", "\u001f", "a\u001fb", "\u0000", "2027-05-10T10:00:00Z\u0000", "+1000000000-01-01T00:00:00Z",
                    "2027-02-30T10:00:00Z", "=", "====", "AAAA", "not base64!"),
            JsonValues.cursors().map(JsonValues::unquote));

    @Test
    void aRequestIdIsAlwaysAPlainTokenAndAPlainOneIsKept() {
        Draw draw = Draw.seeded();
        for (int i = 0; i < CASES; i++) {
            String offered = OFFERED.next(draw);
            String id = RequestIds.accept(offered);
            String what = draw.replay() + ", case " + i + ", offered " + escaped(offered) + ", kept " + escaped(id);
            assertTrue(id.matches("[A-Za-z0-9._-]{1,64}"), what);
            if (offered.matches("[A-Za-z0-9._-]{1,64}")) {
                assertEquals(offered, id, what);
            }
        }
    }

    @Test
    void aForgedCursorIsRefusedAsInvalidInputOnly() {
        Draw draw = Draw.seeded();
        for (int i = 0; i < CASES; i++) {
            String first = KEY.next(draw);
            String second = KEY.next(draw);
            for (String cursor : List.of(Cursor.encode(first, second), first)) {
                String what = draw.replay() + ", case " + i + ", keys " + escaped(first) + " and " + escaped(second)
                        + ", cursor " + escaped(cursor);
                try {
                    Cursor decoded = Cursor.decode(cursor, 2);
                    if (decoded != null) {
                        decoded.instant(0);
                        decoded.uuid(1);
                    }
                } catch (InvalidInput refused) {
                    assertEquals("cursor", refused.errors().get(0).field(), what);
                } catch (RuntimeException e) {
                    fail("not refused as invalid input: " + e + "; " + what, e);
                }
            }
        }
    }

    /** A cursor of ours decodes back to its keys, so the property above cannot pass by refusing everything. */
    @Test
    void aCursorOfOursDecodesToItsKeys() {
        Draw draw = Draw.seeded();
        for (int i = 0; i < CASES; i++) {
            Instant instant = Instant.ofEpochSecond(draw.between(-2_000_000_000, 2_000_000_000), draw.between(0, 999_999_999));
            UUID id = draw.uuid();
            Cursor decoded = Cursor.decode(Cursor.encode(instant.toString(), id.toString()), 2);
            String what = draw.replay() + ", case " + i + ", keys " + instant + " and " + id;
            assertEquals(instant, decoded.instant(0), what);
            assertEquals(id, decoded.uuid(1), what);
        }
    }

    /** Control and non-ASCII characters as escapes, so the message shows what was sent. */
    private static String escaped(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder("\"");
        text.chars().limit(120).forEach(c -> shown.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return shown.append(text.length() > 120 ? "...\"" : "\"").toString();
    }
}

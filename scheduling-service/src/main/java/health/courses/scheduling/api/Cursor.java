package health.courses.scheduling.api;

import health.courses.scheduling.problem.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

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
        throw new InvalidInput("cursor", "cursor", "must be a nextCursor value from a previous page");
    }

    public String key(int index) {
        return keys.get(index);
    }
}

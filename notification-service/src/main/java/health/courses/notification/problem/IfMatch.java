package health.courses.notification.problem;

import java.util.OptionalLong;

/** Reads the version an {@code If-Match} header names; our ETags are the resource's version number. */
public final class IfMatch {

    private IfMatch() {
    }

    public static OptionalLong version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException notOurs) {
            throw new PreconditionFailed("If-Match does not name a version of this resource");
        }
    }
}

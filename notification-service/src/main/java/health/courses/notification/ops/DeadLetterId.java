package health.courses.notification.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code <partition>-<offset>} of a record in the dead-letter topic. */
record DeadLetterId(int partition, long offset) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

    /** Empty for anything else, so the resource can name the field and the rule. */
    static java.util.Optional<DeadLetterId> parse(String text) {
        Matcher parts = FORMAT.matcher(text == null ? "" : text);
        if (!parts.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new DeadLetterId(Integer.parseInt(parts.group(1)), Long.parseLong(parts.group(2))));
    }
}

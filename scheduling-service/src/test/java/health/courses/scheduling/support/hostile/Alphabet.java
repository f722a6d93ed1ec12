package health.courses.scheduling.support.hostile;

import java.util.SplittableRandom;

/** Which characters a generated string is made of. */
public enum Alphabet {
    /** A request id's characters, {@code [A-Za-z0-9._-]}. */
    TOKEN,
    ALPHANUMERIC,
    DIGIT,
    /** U+0000 to U+001F: NUL, line breaks and the rest that break logs, JSON and PostgreSQL. */
    CONTROL,
    /** Every UTF-16 code unit, lone surrogate halves included (a JSON escape can carry one). */
    ANY,
    /** Mostly printable ASCII with control characters, any code unit and emoji mixed in: text with hostile bits. */
    MIXED;

    private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";

    int next(SplittableRandom random) {
        return switch (this) {
            case TOKEN -> TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length()));
            case ALPHANUMERIC -> TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length() - 3));
            case DIGIT -> random.nextInt('0', '9' + 1);
            case CONTROL -> random.nextInt(0x20);
            case ANY -> random.nextInt(0x10000);
            case MIXED -> switch (random.nextInt(8)) {
                case 0, 1, 2, 3 -> random.nextInt(0x20, 0x7f);
                case 4 -> CONTROL.next(random);
                case 5, 6 -> ANY.next(random);
                default -> random.nextInt(0x10000, 0x110000);
            };
        };
    }
}

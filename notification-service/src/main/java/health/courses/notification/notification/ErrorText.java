package health.courses.notification.notification;

import java.util.regex.Pattern;

/**
 * A failure as stored in {@code last_error} and logged. Providers like to quote the recipient ("550 <x@y>:
 * mailbox unavailable"); addresses and phone numbers are masked so contact data stays in the contact table.
 */
public final class ErrorText {

    private static final int MAX_LENGTH = 500;
    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'@]+@[^\\s<>\"'@]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{6,}\\d");

    private ErrorText() {
    }

    public static String of(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        String text = failure.getClass().getSimpleName() + message;
        text = EMAIL.matcher(text).replaceAll("<address>");
        text = PHONE.matcher(text).replaceAll("<number>");
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }
}

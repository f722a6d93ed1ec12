package health.courses.notification.checkin;

import java.util.Locale;

/** How worrying an answer is: {@code urgent} (call the physician now), {@code review} (the clinic looks at it), none. */
public enum Severity {
    NONE, REVIEW, URGENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Severity of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

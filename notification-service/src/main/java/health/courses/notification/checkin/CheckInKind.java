package health.courses.notification.checkin;

import java.util.Set;

/** The notification kinds of the check-in, as stored in {@code notification.kind}. */
public final class CheckInKind {

    public static final String CHECK_IN = "check-in";
    public static final String FOLLOW_UP = "check-in-follow-up";
    /** "Call your physician now": ignores quiet hours, goes out at once. */
    public static final String URGENT_ADVICE = "check-in-urgent";
    public static final Set<String> ALL = Set.of(CHECK_IN, FOLLOW_UP, URGENT_ADVICE);
    /** The kinds that carry the link; pointless once the check-in is answered. */
    static final Set<String> WITH_LINK = Set.of(CHECK_IN, FOLLOW_UP);

    private CheckInKind() {
    }
}

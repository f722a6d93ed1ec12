package health.courses.notification.reminder;

/** The notification kinds this feature plans, as stored in {@code notification.kind}. */
public final class MessageKind {

    public static final String REMINDER = "session-reminder";
    public static final String CHANGED = "session-changed";
    public static final String CANCELLED = "session-cancelled";
    public static final String COURSE_HELD = "course-held";
    public static final String COURSE_CANCELLED = "course-cancelled";

    private MessageKind() {
    }
}

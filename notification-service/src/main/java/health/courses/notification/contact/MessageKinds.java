package health.courses.notification.contact;

/** The kinds of message a patient can opt out of, as stored in {@code notification.kind}. */
public final class MessageKinds {

    public static final String PATTERN = "session-reminder|session-changed|session-cancelled|course-held|course-cancelled|course-booked|home-exercise";

    private MessageKinds() {
    }
}

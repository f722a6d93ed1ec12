package health.courses.notification.problem;

/** A {@code cursor} query parameter that no page of ours handed out. */
public class InvalidCursor extends RuntimeException {

    public InvalidCursor() {
        super("The cursor was not issued by this list", null, false, false);
    }
}

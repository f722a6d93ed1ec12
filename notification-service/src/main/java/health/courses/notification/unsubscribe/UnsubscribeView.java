package health.courses.notification.unsubscribe;

/**
 * What the unsubscribe page shows: the button (a GET never acts, so a mail scanner following the link opts nobody
 * out), the confirmation after the POST, or that the link is not valid.
 *
 * @param action where the button posts to (the same URL)
 * @param kind   the kind of message, e.g. session-reminder; null for an invalid link
 */
public record UnsubscribeView(String state, String action, String kind) {

    static UnsubscribeView confirm(String action, String kind) {
        return new UnsubscribeView("confirm", action, kind);
    }

    static UnsubscribeView done(String kind) {
        return new UnsubscribeView("done", null, kind);
    }

    static UnsubscribeView invalid() {
        return new UnsubscribeView("invalid", null, null);
    }

    public boolean isConfirm() {
        return "confirm".equals(state);
    }

    public boolean isDone() {
        return "done".equals(state);
    }
}

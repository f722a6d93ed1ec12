package health.courses.notification.reply;

/**
 * What the reply page shows: the one button (a GET never acts, so a mail scanner following the link confirms
 * nothing), what happened after the POST, or that the link cannot be used.
 *
 * @param state  confirm | done | already | gone | invalid
 * @param action confirm | reschedule; null for an invalid link
 * @param post   where the button posts to (the same URL)
 */
public record ReplyPageView(String state, String action, String post, String clinicName) {

    public boolean isAsk() {
        return "ask".equals(state);
    }

    public boolean isDone() {
        return "done".equals(state);
    }

    public boolean isAlready() {
        return "already".equals(state);
    }

    public boolean isGone() {
        return "gone".equals(state);
    }

    public boolean isConfirm() {
        return "confirm".equals(action);
    }
}

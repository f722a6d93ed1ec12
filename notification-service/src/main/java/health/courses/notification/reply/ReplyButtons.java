package health.courses.notification.reply;

/** The two links of one reminder mail, bound in the session mail templates as {@code replies}. */
public record ReplyButtons(String confirm, String reschedule) {
}

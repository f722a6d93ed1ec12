package health.courses.notification.checkin;

/**
 * What opening or answering a check-in link came to, with what the page needs to say so in the patient's language.
 *
 * @param decision present once the check-in is answered
 */
public record Visit(Status status, String language, String clinicName, Decision decision) {

    public enum Status {
        /** Unknown token: guessed, mistyped, or of a check-in that no longer exists; all look the same. */
        NOT_FOUND,
        OPEN,
        ANSWERED_NOW,
        ANSWERED_BEFORE,
        EXPIRED
    }

    static Visit notFound() {
        return new Visit(Status.NOT_FOUND, null, null, null);
    }
}

package health.courses.notification.reply;

import java.util.Locale;
import java.util.Set;

/**
 * What an SMS reply asks for, by its first word, case and surrounding space ignored. The opt-out and help words are
 * the carriers' (CTIA): a patient's {@code CANCEL} is an opt-out of messages, never the cancellation of a session.
 */
enum Keyword {

    CONFIRM("confirm"), RESCHEDULE("reschedule"), OPT_OUT("opt-out"), OPT_IN("opt-in"), HELP("help"),
    /** Anything else: kept for the clinic as the patient's message. */
    MESSAGE("message");

    private static final Set<String> OPT_OUT_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "OPTOUT", "REVOKE");

    /** As stored in {@code patient_reply.keyword}. */
    final String stored;

    Keyword(String stored) {
        this.stored = stored;
    }

    static Keyword of(String body) {
        String text = body == null ? "" : body.strip();
        String first = text.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        // "C." or "Stop!" still count: punctuation around a keyword is how phones autocorrect it.
        first = first.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
        if (first.equals("C") || first.equals("CONFIRM")) {
            return CONFIRM;
        }
        if (first.equals("R")) {
            return RESCHEDULE;
        }
        if (OPT_OUT_WORDS.contains(first)) {
            return OPT_OUT;
        }
        if (first.equals("START") || first.equals("UNSTOP")) {
            return OPT_IN;
        }
        if (first.equals("HELP") || first.equals("INFO")) {
            return HELP;
        }
        return MESSAGE;
    }
}

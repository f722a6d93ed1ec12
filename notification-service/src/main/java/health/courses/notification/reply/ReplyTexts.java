package health.courses.notification.reply;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * What we answer to an SMS reply, in the patient's language (the clinic's first language when the number is not a
 * patient's). Short: each fits one SMS segment for a usual clinic name. The HELP answer carries what CTIA asks of a
 * program's help message: who sends, how to reach them, how often, that rates may apply, how to stop.
 */
final class ReplyTexts {

    enum Text {
        CONFIRMED, NOTHING_TO_CONFIRM, RESCHEDULE, OPTED_OUT, OPTED_IN, HELP, MESSAGE_KEPT, UNKNOWN_NUMBER
    }

    private static final Map<String, Map<Text, String>> TEXTS = Map.of(
            "en", Map.of(
                    Text.CONFIRMED, "%1$s: Thank you, your session on %2$s at %3$s is confirmed.",
                    Text.NOTHING_TO_CONFIRM, "%1$s: We found no upcoming session for this number. Please call us.",
                    Text.RESCHEDULE, "%1$s: We have noted that you need another time for your session on %2$s at %3$s. The clinic will call you.",
                    Text.OPTED_OUT, "%1$s: You are unsubscribed and will receive no more text messages from us. Reply START to subscribe again.",
                    Text.OPTED_IN, "%1$s: You will receive text messages from us again. Reply HELP for help, STOP to unsubscribe.",
                    Text.HELP, "%1$s: session reminders and replies. Contact: %2$s. Up to %3$d messages per session. Msg&data rates may apply. Reply STOP to unsubscribe.",
                    Text.MESSAGE_KEPT, "%1$s: Thank you, your message has been passed on to the clinic.",
                    Text.UNKNOWN_NUMBER, "%1$s: We could not match this number to a patient. Please call us."),
            "de", Map.of(
                    Text.CONFIRMED, "%1$s: Danke, Ihr Termin am %2$s um %3$s Uhr ist bestätigt.",
                    Text.NOTHING_TO_CONFIRM, "%1$s: Wir haben für diese Nummer keinen anstehenden Termin gefunden. Bitte rufen Sie uns an.",
                    Text.RESCHEDULE, "%1$s: Wir haben notiert, dass Sie für Ihren Termin am %2$s um %3$s Uhr einen anderen Zeitpunkt brauchen. Die Praxis ruft Sie an.",
                    Text.OPTED_OUT, "%1$s: Sie sind abgemeldet und erhalten keine SMS mehr von uns. Antworten Sie START, um sich wieder anzumelden.",
                    Text.OPTED_IN, "%1$s: Sie erhalten wieder SMS von uns. Antworten Sie HELP für Hilfe, STOP zum Abmelden.",
                    Text.HELP, "%1$s: Terminerinnerungen und Antworten. Kontakt: %2$s. Bis zu %3$d Nachrichten pro Termin. Es können Kosten für SMS/Daten anfallen (Msg&data rates may apply). Antworten Sie STOP zum Abmelden.",
                    Text.MESSAGE_KEPT, "%1$s: Danke, Ihre Nachricht wurde an die Praxis weitergegeben.",
                    Text.UNKNOWN_NUMBER, "%1$s: Wir konnten diese Nummer keinem Patienten zuordnen. Bitte rufen Sie uns an."));

    private static final Map<String, String> NO_ADDRESS = Map.of("en", "reply to this message",
            "de", "antworten Sie auf diese Nachricht");

    private ReplyTexts() {
    }

    static String of(String language, Text text, String clinicName) {
        return texts(language).get(text).formatted(clinicName);
    }

    /** A text about a session, its time in the patient's zone. */
    static String about(String language, Text text, String clinicName, OffsetDateTime start, ZoneId zone) {
        Locale locale = Locale.forLanguageTag(language);
        var local = start.atZoneSameInstant(zone);
        return texts(language).get(text).formatted(clinicName,
                DateTimeFormatter.ofPattern("de".equals(language) ? "EEE d. MMM" : "EEE d MMM", locale).format(local),
                DateTimeFormatter.ofPattern("HH:mm", locale).format(local));
    }

    /** @param contact the clinic's reply-to address, null when it has set none */
    static String help(String language, String clinicName, String contact, int messagesPerSession) {
        return texts(language).get(Text.HELP).formatted(clinicName,
                contact != null ? contact : NO_ADDRESS.getOrDefault(language, NO_ADDRESS.get("en")), messagesPerSession);
    }

    private static Map<Text, String> texts(String language) {
        return TEXTS.getOrDefault(language, TEXTS.get("en"));
    }
}

package health.courses.notification.reply;

import java.util.Optional;

/** A TwiML answer: {@code <Response>} with at most one {@code <Message>}, its text escaped for XML. */
final class Twiml {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private Twiml() {
    }

    static String of(Optional<String> message) {
        return message.map(text -> DECLARATION + "<Response><Message>" + escape(text) + "</Message></Response>")
                .orElse(DECLARATION + "<Response/>");
    }

    /** The five characters XML gives meaning to in text; a clinic name like "Müller & Partner" stays as written. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

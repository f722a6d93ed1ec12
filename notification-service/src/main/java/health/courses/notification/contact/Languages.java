package health.courses.notification.contact;

import java.util.List;
import java.util.Locale;

/** The languages patient messages are written in. */
public final class Languages {

    public static final String DEFAULT = "en";
    /** Keep in step with the templates under {@code templates/} and the database check constraint. */
    public static final List<String> SUPPORTED = List.of("en", "de");
    public static final String PATTERN = "en|de";

    private Languages() {
    }

    /** The language we write to a patient who reads {@code language}: theirs if we have it, else the default. */
    public static String writtenIn(Locale language) {
        String tag = language.getLanguage();
        return SUPPORTED.contains(tag) ? tag : DEFAULT;
    }

    public static Locale locale(String tag) {
        return Locale.forLanguageTag(SUPPORTED.contains(tag) ? tag : DEFAULT);
    }
}

package health.courses.notification.fhir;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.StringType;

/**
 * The check-in after a session as a FHIR Questionnaire: the questions of the check-in page (templates/check-in-page),
 * in its words, English with the German of the page as translations when the clinic writes to patients in German.
 * The canonical URL names the check-in; the version is the triage rules' version, so each QuestionnaireResponse
 * names the questions and the rules that read its answers. The questions have not changed across rule versions,
 * so every version up to the current one is served (a response of an older version still resolves).
 */
final class CheckInQuestionnaire {

    static final String URL = "https://courses.health/fhir/Questionnaire/check-in";
    static final String PAIN_SITES = "https://courses.health/fhir/CodeSystem/pain-site";
    static final String URINATION = "https://courses.health/fhir/CodeSystem/urination";
    private static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    private static final String ID_PREFIX = "check-in-";

    /** A text of the page: English, and its translations by language. */
    record Text(String en, String de) {

        Map<String, String> translations() {
            return Map.of("de", de);
        }
    }

    record Option(String code, Text display) {
    }

    record Question(String linkId, QuestionnaireItemType type, boolean required, boolean repeats, Text text,
            Text hint, String system, List<Option> options) {
    }

    /** As the page asks them, in its order (en.html and de.html); a test holds the two to the same words. */
    static final List<Question> QUESTIONS = List.of(
            new Question("pain", QuestionnaireItemType.INTEGER, true, false,
                    new Text("Pain or soreness right now", "Schmerzen oder Wundgefühl im Moment"),
                    new Text("0 means none, 10 the worst you can imagine", "0 bedeutet keine, 10 die stärksten vorstellbaren"),
                    null, List.of()),
            new Question("painSites", QuestionnaireItemType.CHOICE, false, true, new Text("Where is it?", "Wo?"),
                    new Text("Choose all that apply; leave empty if you have no pain",
                            "Alles Zutreffende wählen; leer lassen, wenn Sie keine Schmerzen haben"),
                    PAIN_SITES, List.of(new Option("lower-back", new Text("Lower back", "Unterer Rücken")),
                            new Option("rectum", new Text("Rectum", "Enddarm")),
                            new Option("perineum", new Text("Perineum (between the legs)", "Damm (zwischen den Beinen)")),
                            new Option("genital-region", new Text("Genital region", "Genitalbereich")))),
            new Question("urination", QuestionnaireItemType.CHOICE, true, false, new Text("Urinating", "Wasserlassen"),
                    null, URINATION, List.of(new Option("normal", new Text("Normal", "Normal")),
                            new Option("some-difficulty", new Text("Some difficulty", "Etwas erschwert")),
                            new Option("unable", new Text("I cannot urinate", "Ich kann kein Wasser lassen")))),
            new Question("erectileDifficulty", QuestionnaireItemType.BOOLEAN, true, false,
                    new Text("Difficulty with erections", "Erektionsprobleme"), null, null, List.of()),
            new Question("irritation", QuestionnaireItemType.BOOLEAN, true, false,
                    new Text("Irritation or an allergic reaction", "Reizung oder allergische Reaktion"),
                    new Text("For example a rash, itching or swelling", "Zum Beispiel Ausschlag, Juckreiz oder Schwellung"),
                    null, List.of()),
            new Question("note", QuestionnaireItemType.TEXT, false, false,
                    new Text("Anything else you want to tell us (optional)", "Möchten Sie uns noch etwas sagen? (freiwillig)"),
                    null, null, List.of()));

    /** The pain scale of the page: 0 to 10. */
    private static final int MOST_PAIN = 10;
    /** The note's limit, as the page's textarea and the REST API's Answer. */
    private static final int NOTE_LIMIT = 2000;

    private CheckInQuestionnaire() {
    }

    static String id(int version) {
        return ID_PREFIX + version;
    }

    /** The version an id names, or 0 when it names none. */
    static int version(String id) {
        if (id == null || !id.startsWith(ID_PREFIX)) {
            return 0;
        }
        try {
            return Integer.parseInt(id.substring(ID_PREFIX.length()));
        } catch (NumberFormatException notOurs) {
            return 0;
        }
    }

    static String canonical(int version) {
        return URL + "|" + version;
    }

    /** The Questionnaire of a rules version, with translations into those of {@code languages} the page has. */
    static Questionnaire of(int version, List<String> languages) {
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.setId(id(version));
        questionnaire.setUrl(URL).setVersion(Integer.toString(version)).setName("CheckInAfterSession")
                .setTitle("Check-in after a session").setStatus(PublicationStatus.ACTIVE).setPublisher("courses.health")
                .setDate(new Date(0))
                .setDescription("The day after each session the patient says how they are; the triage rules of this "
                        + "version read the answers (unable to urinate: urgent; pain at least 7, some difficulty "
                        + "urinating, irritation, or pain or erectile difficulty also at the previous check-in: review).");
        questionnaire.addSubjectType("Patient");
        questionnaire.setLanguage("en");
        for (Question question : QUESTIONS) {
            QuestionnaireItemComponent item = questionnaire.addItem().setLinkId(question.linkId())
                    .setType(question.type()).setRequired(question.required()).setRepeats(question.repeats());
            item.setTextElement(translated(question.text(), languages));
            if (question.type() == QuestionnaireItemType.INTEGER) {
                for (int n = 0; n <= MOST_PAIN; n++) {
                    item.addAnswerOption().setValue(new IntegerType(n));
                }
            }
            if (question.type() == QuestionnaireItemType.TEXT) {
                item.setMaxLength(NOTE_LIMIT);
            }
            for (Option option : question.options()) {
                Coding coding = new Coding().setSystem(question.system()).setCode(option.code());
                coding.setDisplayElement(translated(option.display(), languages));
                item.addAnswerOption().setValue(coding);
            }
            if (question.hint() != null) {
                item.addItem().setLinkId(question.linkId() + ".hint").setType(QuestionnaireItemType.DISPLAY)
                        .setTextElement(translated(question.hint(), languages));
            }
        }
        return questionnaire;
    }

    /** The English text with the FHIR translation extension for each of the clinic's other languages. */
    private static StringType translated(Text text, List<String> languages) {
        StringType english = new StringType(text.en());
        Map<String, String> wanted = new LinkedHashMap<>();
        text.translations().forEach((language, translation) -> {
            if (languages.contains(language)) {
                wanted.put(language, translation);
            }
        });
        wanted.forEach((language, translation) -> {
            Extension translated = english.addExtension().setUrl(TRANSLATION);
            translated.addExtension("lang", new CodeType(language));
            translated.addExtension("content", new StringType(translation));
        });
        return english;
    }
}

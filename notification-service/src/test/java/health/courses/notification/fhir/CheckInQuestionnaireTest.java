package health.courses.notification.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;

/**
 * The Questionnaire asks what the check-in page asks, in its words: every question, hint and choice of the FHIR
 * check-in is found in the page's English and German templates, so a change of the page that is not made here too
 * fails. And the translations are those of the clinic's languages only.
 */
class CheckInQuestionnaireTest {

    @Test
    void everyTextIsThePagesInBothLanguages() throws IOException {
        String english = page("en");
        String german = page("de");
        for (CheckInQuestionnaire.Question question : CheckInQuestionnaire.QUESTIONS) {
            Stream.concat(Stream.of(question.text(), question.hint()),
                    question.options().stream().map(CheckInQuestionnaire.Option::display))
                    .filter(text -> text != null).forEach(text -> {
                        assertTrue(english.contains(text.en()), "en.html asks " + text.en());
                        assertTrue(german.contains(text.de()), "de.html asks " + text.de());
                    });
            assertTrue(english.contains("name=\"" + question.linkId() + "\""), "the page has the field " + question.linkId());
        }
    }

    @Test
    void translatesIntoTheClinicsLanguagesOnly() {
        Questionnaire both = CheckInQuestionnaire.of(1, List.of("en", "de"));
        Questionnaire english = CheckInQuestionnaire.of(1, List.of("en"));

        assertEquals("Schmerzen oder Wundgefühl im Moment", both.getItemFirstRep().getTextElement()
                .getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/translation").getExtensionString("content"));
        assertTrue(english.getItemFirstRep().getTextElement().getExtension().isEmpty());
        assertEquals("Pain or soreness right now", english.getItemFirstRep().getText());
        assertEquals(CheckInQuestionnaire.URL + "|1", CheckInQuestionnaire.canonical(1));
    }

    private static String page(String language) throws IOException {
        try (InputStream in = CheckInQuestionnaireTest.class.getResourceAsStream("/templates/check-in-page/" + language + ".html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

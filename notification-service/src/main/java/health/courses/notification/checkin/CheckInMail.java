package health.courses.notification.checkin;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.contact.Languages;
import health.courses.notification.mail.MailComposer;
import health.courses.notification.mail.MailText;
import health.courses.notification.notification.Delivery;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/** The check-in, its follow-up and the urgent advice by email, in the patient's language. */
@ApplicationScoped
public class CheckInMail implements MailComposer {

    private static final Map<String, Map<String, String>> SUBJECTS = Map.of(
            "en", Map.of(
                    CheckInKind.CHECK_IN, "How are you after your session at %s?",
                    CheckInKind.FOLLOW_UP, "Reminder: how are you after your session at %s?",
                    CheckInKind.URGENT_ADVICE, "Urgent: please call your physician now (%s)"),
            "de", Map.of(
                    CheckInKind.CHECK_IN, "Wie geht es Ihnen nach Ihrem Termin in %s?",
                    CheckInKind.FOLLOW_UP, "Erinnerung: Wie geht es Ihnen nach Ihrem Termin in %s?",
                    CheckInKind.URGENT_ADVICE, "Dringend: Bitte rufen Sie jetzt Ihre Ärztin oder Ihren Arzt an (%s)"));

    private final Map<String, Template> texts = new HashMap<>();
    private final Map<String, Template> htmls = new HashMap<>();
    private final CheckInLinks links;
    private final CheckInConfig config;

    CheckInMail(Engine templates, CheckInLinks links, CheckInConfig config) {
        this.links = links;
        this.config = config;
        for (String language : Languages.SUPPORTED) {
            texts.put(language, required(templates, "check-in-mail/" + language + ".txt"));
            htmls.put(language, required(templates, "check-in-mail/" + language + ".html"));
        }
    }

    @Override
    public Set<String> kinds() {
        return CheckInKind.ALL;
    }

    @Override
    public MailText compose(Delivery delivery) {
        CheckInLetter letter = links.letter(delivery);
        String language = language(delivery);
        CheckInMessage message = new CheckInMessage(delivery.kind(), letter.clinicName(), links.link(letter),
                config.linkValidity().toHours());
        return new MailText(SUBJECTS.get(language).get(delivery.kind()).formatted(letter.clinicName()),
                texts.get(language).data("message", message).render(),
                htmls.get(language).data("message", message).render());
    }

    static String language(Delivery delivery) {
        String language = delivery.contact().language().getLanguage();
        return Languages.SUPPORTED.contains(language) ? language : Languages.DEFAULT;
    }

    private static Template required(Engine templates, String id) {
        Template template = templates.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("Missing template " + id);
        }
        return template;
    }
}

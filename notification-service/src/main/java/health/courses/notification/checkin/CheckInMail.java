package health.courses.notification.checkin;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.contact.Languages;
import health.courses.notification.mail.Letterhead;
import health.courses.notification.mail.MailComposer;
import health.courses.notification.mail.MailTemplates;
import health.courses.notification.mail.MailText;
import health.courses.notification.notification.Delivery;
import io.quarkus.qute.Engine;

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

    private final MailTemplates templates;
    private final CheckInLinks links;
    private final CheckInConfig config;

    CheckInMail(Engine engine, CheckInLinks links, CheckInConfig config) {
        this.links = links;
        this.config = config;
        this.templates = new MailTemplates(engine, "check-in-mail");
    }

    @Override
    public Set<String> kinds() {
        return CheckInKind.ALL;
    }

    @Override
    public MailText compose(Delivery delivery, Letterhead letterhead) {
        CheckInLetter letter = links.letter(delivery);
        String language = Languages.writtenIn(delivery.contact().language());
        CheckInMessage message = new CheckInMessage(delivery.kind(), letter.clinicName(), links.link(letter),
                config.linkValidity().toHours());
        return templates.render(language, SUBJECTS.get(language).get(delivery.kind()).formatted(letter.clinicName()),
                "message", message);
    }

}

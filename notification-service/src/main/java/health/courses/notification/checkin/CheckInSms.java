package health.courses.notification.checkin;

import health.courses.notification.contact.Languages;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.notification.Delivery;
import health.courses.notification.sms.SmsComposer;

/** The text-message versions: short, with the link. */
@ApplicationScoped
public class CheckInSms implements SmsComposer {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en", Map.of(
                    CheckInKind.CHECK_IN, "%1$s: how are you after your session? Please answer a few questions: %2$s",
                    CheckInKind.FOLLOW_UP, "%1$s: we have not heard from you yet. How are you after your session? %2$s",
                    CheckInKind.URGENT_ADVICE, "%1$s: URGENT. From your answers, please call your physician now. If you cannot reach them, call the emergency number 112."),
            "de", Map.of(
                    CheckInKind.CHECK_IN, "%1$s: Wie geht es Ihnen nach Ihrem Termin? Bitte beantworten Sie ein paar Fragen: %2$s",
                    CheckInKind.FOLLOW_UP, "%1$s: Wir haben noch nichts von Ihnen gehört. Wie geht es Ihnen nach Ihrem Termin? %2$s",
                    CheckInKind.URGENT_ADVICE, "%1$s: DRINGEND. Nach Ihren Antworten rufen Sie bitte jetzt Ihre Ärztin oder Ihren Arzt an. Wenn Sie niemanden erreichen: Notruf 112."));

    private final CheckInLinks links;

    CheckInSms(CheckInLinks links) {
        this.links = links;
    }

    @Override
    public Set<String> kinds() {
        return CheckInKind.ALL;
    }

    @Override
    public String compose(Delivery delivery) {
        CheckInLetter letter = links.letter(delivery);
        return TEXTS.get(Languages.writtenIn(delivery.contact().language())).get(delivery.kind()).formatted(letter.clinicName(),
                links.link(letter));
    }
}

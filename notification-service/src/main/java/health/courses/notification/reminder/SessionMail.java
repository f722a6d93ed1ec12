package health.courses.notification.reminder;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import health.courses.notification.contact.Languages;
import health.courses.notification.mail.CalendarPart;
import health.courses.notification.mail.Letterhead;
import health.courses.notification.mail.MailComposer;
import health.courses.notification.mail.MailTemplates;
import health.courses.notification.mail.MailText;
import health.courses.notification.notification.Delivery;
import health.courses.notification.reply.ReplyLinks;
import io.quarkus.qute.Engine;

/**
 * Reminders, change and cancellation notices by email: in the patient's language, the session in the patient's
 * zone with its UTC offset, the clinic's name, how to reschedule, and the session as an .ics attachment.
 */
@ApplicationScoped
public class SessionMail implements MailComposer {

    private static final Map<String, Map<String, String>> SUBJECTS = Map.of(
            "en", Map.of(
                    MessageKind.REMINDER, "Reminder: your session at %s",
                    MessageKind.CHANGED, "Your session at %s has moved",
                    MessageKind.CANCELLED, "Your session at %s is cancelled",
                    MessageKind.COURSE_HELD, "Your treatment course at %s is paused",
                    MessageKind.COURSE_CANCELLED, "Your treatment course at %s is cancelled"),
            "de", Map.of(
                    MessageKind.REMINDER, "Erinnerung: Ihr Termin in %s",
                    MessageKind.CHANGED, "Ihr Termin in %s wurde verschoben",
                    MessageKind.CANCELLED, "Ihr Termin in %s wurde abgesagt",
                    MessageKind.COURSE_HELD, "Ihr Behandlungskurs in %s ist pausiert",
                    MessageKind.COURSE_CANCELLED, "Ihr Behandlungskurs in %s wurde abgesagt"));

    private final MailTemplates templates;
    private final Letters letters;
    private final ReplyLinks replyLinks;
    private final String uidDomain;
    private final Clock clock;

    /**
     * @param uidDomain the same setting and default as scheduling-service's calendar.ics, so an attachment and the
     *                  course's calendar name each session by one UID and a calendar app updates one event
     */
    SessionMail(Engine engine, Letters letters, ReplyLinks replyLinks,
            @ConfigProperty(name = "courses.calendar.uid-domain", defaultValue = "courses.health") String uidDomain,
            Clock clock) {
        this.clock = clock;
        this.letters = letters;
        this.replyLinks = replyLinks;
        this.uidDomain = uidDomain;
        this.templates = new MailTemplates(engine, "session");
    }

    @Override
    public Set<String> kinds() {
        return Letters.KINDS;
    }

    @Override
    public MailText compose(Delivery delivery, Letterhead letterhead) {
        Object payload = letters.payload(delivery);
        String language = Languages.writtenIn(delivery.contact().language());
        PatientLetter letter = PatientLetter.of(delivery.kind(), payload, delivery.contact().zone(),
                delivery.contact().language());
        String subject = SUBJECTS.get(language).get(delivery.kind()).formatted(letter.clinicName());
        List<MailText.Attachment> attachments = payload instanceof SessionLetter session
                ? List.of(calendar(session, delivery, letterhead))
                : List.of();
        // A reminder carries the patient's two answers (issue 18): signed links to a page with one button each.
        Map<String, Object> data = new HashMap<>();
        data.put("letter", letter);
        data.put("replies", MessageKind.REMINDER.equals(delivery.kind()) && payload instanceof SessionLetter session
                ? replyLinks.buttons(delivery.clinicId(), delivery.patientId(), session.sessionId())
                : null);
        return templates.render(language, subject, data).with(attachments);
    }

    /** The session to add or move, or (a cancellation) to remove from the patient's calendar. */
    private MailText.Attachment calendar(SessionLetter session, Delivery delivery, Letterhead letterhead) {
        List<CalendarPart.Session> sessions = List.of(new CalendarPart.Session(session.sessionId(), session.start(),
                session.end(), session.sequence(), session.clinicName()));
        return MessageKind.CANCELLED.equals(delivery.kind())
                ? CalendarPart.cancel("session.ics", sessions, letterhead.organizer(), session.clinicName(),
                        delivery.contact().email(), uidDomain, clock.instant())
                : CalendarPart.publish("session.ics", sessions, letterhead.organizer(), session.clinicName(), uidDomain,
                        clock.instant());
    }

}

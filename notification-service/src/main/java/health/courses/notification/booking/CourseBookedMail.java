package health.courses.notification.booking;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.courses.notification.contact.Contact;
import health.courses.notification.contact.Languages;
import health.courses.notification.mail.CalendarPart;
import health.courses.notification.mail.Letterhead;
import health.courses.notification.mail.MailComposer;
import health.courses.notification.mail.MailTemplates;
import health.courses.notification.mail.MailText;
import health.courses.notification.mail.TimeText;
import health.courses.notification.notification.Delivery;
import io.quarkus.qute.Engine;

/** "Your treatment course is booked", in the patient's language, times in the patient's zone. */
@ApplicationScoped
public class CourseBookedMail implements MailComposer {

    private static final Map<String, String> SUBJECTS = Map.of(
            "en", "Your treatment course is booked",
            "de", "Ihr Behandlungskurs ist gebucht");

    private final MailTemplates templates;
    private final ObjectMapper json;

    private final String uidDomain;
    private final Clock clock;

    /** @param uidDomain the same setting and default as SessionMail's and scheduling-service's calendar.ics */
    CourseBookedMail(Engine engine, ObjectMapper json,
            @ConfigProperty(name = "courses.calendar.uid-domain", defaultValue = "courses.health") String uidDomain,
            Clock clock) {
        this.clock = clock;
        this.json = json;
        this.uidDomain = uidDomain;
        this.templates = new MailTemplates(engine, "course-booked");
    }

    @Override
    public Set<String> kinds() {
        return Set.of(CourseBooked.KIND);
    }

    @Override
    public MailText compose(Delivery delivery, Letterhead letterhead) {
        CourseBooked booked = read(delivery);
        Contact contact = delivery.contact();
        String language = Languages.writtenIn(contact.language());
        CourseBookedLetter letter = letter(booked, contact.zone(), contact.language());
        MailText mail = templates.render(language, SUBJECTS.get(language), "letter", letter);
        if (booked.sessions().isEmpty()) {
            return mail;
        }
        // The whole course, each session under the UID its reminders and scheduling's calendar.ics also use.
        List<CalendarPart.Session> sessions = booked.sessions().stream()
                .map(session -> new CalendarPart.Session(session.sessionId(), session.start(), session.end(),
                        session.sequence(), letterhead.clinicName()))
                .toList();
        return mail.with(List.of(CalendarPart.publish("course.ics", sessions, letterhead.organizer(),
                letterhead.clinicName(), uidDomain, clock.instant())));
    }

    static CourseBookedLetter letter(CourseBooked booked, ZoneId patientZone, Locale language) {
        ZoneId clinicZone = ZoneId.of(booked.clinicZone());
        TimeText firstAtClinic = clinicZone.equals(patientZone) ? null
                : TimeText.of(booked.firstSessionStart(), clinicZone, language);
        TimeText lastEnd = booked.lastSessionEnd() == null ? null
                : TimeText.of(booked.lastSessionEnd(), patientZone, language);
        return new CourseBookedLetter(booked.sessionCount(), booked.sessionsPerWeek(), booked.weeks(),
                TimeText.of(booked.firstSessionStart(), patientZone, language), firstAtClinic, lastEnd);
    }

    private CourseBooked read(Delivery delivery) {
        try {
            return json.readValue(delivery.payload(), CourseBooked.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("Payload of notification " + delivery.notificationId() + " is unreadable",
                    unreadable);
        }
    }

}

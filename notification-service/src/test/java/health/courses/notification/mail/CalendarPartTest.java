package health.courses.notification.mail;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ITIPValidator;
import net.fortuna.ical4j.validate.ValidationResult;

/** Each calendar part passes ical4j's RFC 5545 and iTIP (RFC 5546) validators, read back as a calendar app would. */
class CalendarPartTest {

    /** The mail's writing time, from the service's clock. */
    private static final Instant WRITTEN = Instant.parse("2026-03-01T08:15:30Z");
    private static final UUID SESSION = UUID.fromString("9c2e7d1a-0000-4000-8000-000000000001");
    /** Long and not ASCII: 75 characters of it would be more than 75 octets. */
    private static final String CLINIC = "Praxis für Urologie und Männergesundheit am Schloßpark Düsseldorf-Süd, Gemeinschaftspraxis";
    private static final CalendarPart.Session FIRST = new CalendarPart.Session(SESSION,
            OffsetDateTime.parse("2027-03-29T10:00:00+02:00"), OffsetDateTime.parse("2027-03-29T10:30:00+02:00"), 2,
            CLINIC);

    @Test
    void aPublishedSessionIsOneEventInUtcWithTheSessionsUidSequenceAndTheClinicAsOrganizer() throws Exception {
        MailText.Attachment part = CalendarPart.publish("session.ics", List.of(FIRST), "empfang@praxis.example",
                CLINIC, "courses.local", WRITTEN);
        String ics = new String(part.data(), StandardCharsets.UTF_8);
        assertTrue(ics.contains("DTSTAMP:20260301T081530Z\r\n"), ics);

        assertThat(part.contentType(), equalTo("text/calendar; charset=utf-8; method=PUBLISH"));
        Calendar calendar = valid(ics);
        assertThat(ics, allOf(
                containsString("METHOD:PUBLISH"),
                containsString("DTSTART:20270329T080000Z"),
                containsString("DTEND:20270329T083000Z"),
                containsString("UID:session-" + SESSION + "@courses.local"),
                containsString("SEQUENCE:2"),
                containsString("STATUS:CONFIRMED")));
        assertThat(calendar.getComponents("VEVENT").get(0).getProperty("ORGANIZER").orElseThrow().getValue(),
                equalTo("mailto:empfang@praxis.example"));
    }

    @Test
    void aCancellationCancelsTheSameEventForThePatient() throws Exception {
        CalendarPart.Session cancelled = new CalendarPart.Session(SESSION, FIRST.start(), FIRST.end(), 3, CLINIC);
        MailText.Attachment part = CalendarPart.cancel("session.ics", List.of(cancelled), "empfang@praxis.example",
                CLINIC, "patient@example.org", "courses.local", WRITTEN);
        String ics = new String(part.data(), StandardCharsets.UTF_8);

        assertThat(part.contentType(), equalTo("text/calendar; charset=utf-8; method=CANCEL"));
        valid(ics);
        assertThat(ics, allOf(containsString("METHOD:CANCEL"), containsString("STATUS:CANCELLED"),
                containsString("SEQUENCE:3"), containsString("UID:session-" + SESSION + "@courses.local")));
    }

    @Test
    void aWholeCourseIsOneEventPerSession() throws Exception {
        CalendarPart.Session second = new CalendarPart.Session(UUID.randomUUID(), FIRST.start().plusDays(2),
                FIRST.end().plusDays(2), 0, CLINIC);
        MailText.Attachment part = CalendarPart.publish("course.ics", List.of(FIRST, second), "reminders@courses.local",
                CLINIC, "courses.local", WRITTEN);

        Calendar calendar = valid(new String(part.data(), StandardCharsets.UTF_8));
        assertThat(calendar.getComponents("VEVENT").size(), equalTo(2));
    }

    /** Folded at 75 octets (RFC 5545 3.1), valid under RFC 5545 and under iTIP for its METHOD. */
    static Calendar valid(String ics) throws Exception {
        for (String line : ics.split("\r\n")) {
            assertThat(line, line.getBytes(StandardCharsets.UTF_8).length, lessThanOrEqualTo(75));
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        ValidationResult rfc5545 = calendar.validate();
        assertFalse(rfc5545.hasErrors(), rfc5545::toString);
        ValidationResult itip = new ITIPValidator().validate(calendar);
        assertFalse(itip.hasErrors(), itip::toString);
        return calendar;
    }
}

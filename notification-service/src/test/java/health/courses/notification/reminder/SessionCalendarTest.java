package health.courses.notification.reminder;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SessionCalendarTest {

    private static final UUID SESSION = UUID.fromString("9c2e7d1a-0000-4000-8000-000000000001");
    private static final SessionLetter LETTER = new SessionLetter(SESSION, UUID.randomUUID(),
            OffsetDateTime.parse("2027-03-29T10:00:00+02:00"), OffsetDateTime.parse("2027-03-29T10:30:00+02:00"),
            "Europe/Berlin", 2, "Praxis am Park", null);

    @Test
    void theSessionIsOneEventInUtcWithTheSessionsUidAndSequence() {
        String ics = new String(SessionCalendar.of(LETTER, false, "courses.local"), StandardCharsets.UTF_8);

        assertThat(ics, allOf(
                containsString("BEGIN:VCALENDAR"),
                containsString("METHOD:PUBLISH"),
                containsString("DTSTART:20270329T080000Z"),
                containsString("DTEND:20270329T083000Z"),
                containsString("UID:session-" + SESSION + "@courses.local"),
                containsString("SEQUENCE:2"),
                containsString("SUMMARY:Praxis am Park"),
                containsString("STATUS:CONFIRMED")));
    }

    @Test
    void aCancellationCancelsTheSameEvent() {
        String ics = new String(SessionCalendar.of(LETTER, true, "courses.local"), StandardCharsets.UTF_8);

        assertThat(ics, allOf(containsString("METHOD:CANCEL"), containsString("STATUS:CANCELLED"),
                containsString("UID:session-" + SESSION + "@courses.local")));
    }
}

package health.courses.scheduling.course;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionStatus;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ITIPValidator;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/**
 * The course's calendar.ics passes ical4j's RFC 5545 and iTIP (RFC 5546, METHOD:PUBLISH) validators. A Quarkus test
 * only for its class loader: ical4j registers its zone rules once per JVM, and the application's copy of ical4j has
 * done so when other Quarkus tests ran first.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CourseCalendarTest {

    /** Long and not ASCII, so a summary line is far more than 75 octets before folding. */
    private static final String CLINIC = "Praxis für Urologie und Männergesundheit am Schloßpark Düsseldorf-Süd";

    @Test
    void everySessionHasTheClinicAsOrganizerAndTheFileIsFoldedAndValid() throws Exception {
        Course course = new Course();
        course.zone = "Europe/Berlin";
        Session scheduled = session(1, "2027-03-29T08:00:00Z", SessionStatus.SCHEDULED, 0);
        Session cancelled = session(2, "2027-03-31T08:00:00Z", SessionStatus.CANCELLED, 1);

        String ics = CourseCalendar.of(CLINIC, course, List.of(scheduled, cancelled),
                Instant.parse("2027-03-20T09:00:00Z"), "courses.health", "empfang@praxis.example");

        for (String line : ics.split("\r\n")) {
            assertThat(line, line.getBytes(StandardCharsets.UTF_8).length, lessThanOrEqualTo(75));
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        ValidationResult rfc5545 = calendar.validate();
        assertFalse(rfc5545.hasErrors(), rfc5545::toString);
        ValidationResult itip = new ITIPValidator().validate(calendar);
        assertFalse(itip.hasErrors(), itip::toString);
        List<VEvent> events = calendar.getComponents("VEVENT");
        for (VEvent event : events) {
            assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue(), equalTo("mailto:empfang@praxis.example"));
        }
        assertThat(events.get(1).getSequence().getSequenceNo(), equalTo(1));
        assertThat(ics, containsString("STATUS:CANCELLED"));
    }

    private static Session session(int number, String start, SessionStatus status, int sequence) {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.number = number;
        session.startsAt = Instant.parse(start);
        session.endsAt = session.startsAt.plusSeconds(1800);
        session.status = status;
        session.sequence = sequence;
        return session;
    }
}

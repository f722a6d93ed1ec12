package health.courses.scheduling.course;

import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionStatus;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A course as an iCalendar file (RFC 5545): one VEVENT per session with a stable UID (the session's id), the
 * session's SEQUENCE (so a re-imported file replaces the entries that moved), STATUS, and DTSTART/DTEND in the
 * course's zone with its VTIMEZONE, so a calendar shows 10:00 as 10:00 on both sides of a daylight-saving change.
 * No patient name or clinical detail: the summary names the clinic and the session's place in the course.
 * ORGANIZER is the clinic (RFC 5546 requires it wherever METHOD is set), with the address
 * {@code courses.calendar.organizer}; lines are folded at 75 octets (RFC 5545 3.1).
 */
final class CourseCalendar {

    static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    /** The registry reads ical4j's bundled zone definitions; building it once keeps every file cheap. */
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    static final String DEFAULT_ORGANIZER = "calendar@courses.health";
    private static final int MAX_LINE_OCTETS = 75;

    private CourseCalendar() {
    }

    static String uid(Session session, String domain) {
        return "session-" + session.id + "@" + domain;
    }

    /**
     * The organizer address is read here rather than passed in, so the booking code that calls this (Courses) needs
     * no new parameter for it.
     */
    static String of(String clinicName, Course course, List<Session> sessions, Instant now, String uidDomain) {
        String organizer = ConfigProvider.getConfig().getOptionalValue("courses.calendar.organizer", String.class)
                .orElse(DEFAULT_ORGANIZER);
        return of(clinicName, course, sessions, now, uidDomain, organizer);
    }

    static String of(String clinicName, Course course, List<Session> sessions, Instant now, String uidDomain,
            String organizer) {
        ZoneId zone = ZoneId.of(course.zone);
        TimeZone timeZone = ZONES.getTimeZone(course.zone);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//health.courses//scheduling-service//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        if (timeZone != null) {
            calendar.add(timeZone.getVTimeZone());
        }
        for (Session session : sessions) {
            VEvent event = new VEvent(session.startsAt.atZone(zone), session.endsAt.atZone(zone),
                    clinicName + ": treatment session " + session.number + " of " + sessions.size());
            event.add(new Uid(uid(session, uidDomain)));
            event.add(new Sequence(session.sequence));
            event.replace(new DtStamp(now));
            event.add(new Organizer(new ParameterList(List.of(new Cn(clinicName))), URI.create("mailto:" + organizer)));
            event.add(status(session.status));
            calendar.add(event);
        }
        return folded(calendar.toString());
    }

    /**
     * RFC 5545 3.1: lines of at most 75 octets, continued after CRLF and one space, never inside a UTF-8 sequence.
     * By hand because ical4j's FoldingWriter counts UTF-16 characters, so a line with umlauts came out longer.
     */
    static String folded(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64 * 3);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int length = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + length > MAX_LINE_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += length;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** Held sessions are kept but may move (TENTATIVE); cancelled and missed ones will not take place. */
    static Status status(SessionStatus status) {
        return switch (status) {
            case SCHEDULED, COMPLETED -> ImmutableStatus.VEVENT_CONFIRMED;
            case HELD -> ImmutableStatus.VEVENT_TENTATIVE;
            case CANCELLED, MISSED -> ImmutableStatus.VEVENT_CANCELLED;
        };
    }
}

package health.courses.notification.mail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The calendar part of a mail (iMIP, RFC 6047): one or more sessions as an iTIP message (RFC 5546), PUBLISH to
 * add or update them, CANCEL to remove them. The UID is the session's, the same as in scheduling-service's course
 * calendar, and SEQUENCE the session's, so a calendar app updates one entry rather than adding another; ORGANIZER is
 * the clinic (RFC 5546 requires it wherever METHOD is set); a CANCEL names the patient as the ATTENDEE taken off.
 * Times are in UTC: every calendar shows them in its reader's zone. Written folded at 75 octets (RFC 5545 3.1).
 */
public final class CalendarPart {

    private static final int MAX_LINE_OCTETS = 75;

    /** One session as the calendar shows it. */
    public record Session(UUID sessionId, OffsetDateTime start, OffsetDateTime end, int sequence, String summary) {
    }

    private CalendarPart() {
    }

    /** The sessions, to add or update: {@code METHOD:PUBLISH}; {@code stamped} is the DTSTAMP, the mail's writing time. */
    public static MailText.Attachment publish(String fileName, List<Session> sessions, String organizer,
            String clinicName, String uidDomain, Instant stamped) {
        return attachment(fileName, ImmutableMethod.PUBLISH,
                calendar(ImmutableMethod.PUBLISH, sessions, organizer, clinicName, null, uidDomain, stamped));
    }

    /** The sessions, cancelled: {@code METHOD:CANCEL} with STATUS:CANCELLED, for the patient as ATTENDEE. */
    public static MailText.Attachment cancel(String fileName, List<Session> sessions, String organizer,
            String clinicName, String attendee, String uidDomain, Instant stamped) {
        return attachment(fileName, ImmutableMethod.CANCEL,
                calendar(ImmutableMethod.CANCEL, sessions, organizer, clinicName, attendee, uidDomain, stamped));
    }

    static Calendar calendar(Method method, List<Session> sessions, String organizer, String clinicName,
            String attendee, String uidDomain, Instant stamped) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//health.courses//notification-service//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        boolean cancel = ImmutableMethod.CANCEL.equals(method);
        for (Session session : sessions) {
            VEvent event = new VEvent(session.start().toInstant(), session.end().toInstant(), session.summary());
            event.add(new Uid("session-" + session.sessionId() + "@" + uidDomain));
            event.add(new Sequence(session.sequence()));
            event.replace(new DtStamp(stamped));
            event.add(new Organizer(new ParameterList(List.of(new Cn(clinicName))), URI.create("mailto:" + organizer)));
            if (attendee != null) {
                event.add(new Attendee(URI.create("mailto:" + attendee)));
            }
            event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(event);
        }
        return calendar;
    }

    /** RFC 5545 text, lines folded at 75 octets. */
    static String text(Calendar calendar) {
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

    /** RFC 6047 2.4: the part names its METHOD, so mail clients offer to apply it. */
    private static MailText.Attachment attachment(String fileName, Method method, Calendar calendar) {
        return new MailText.Attachment(fileName, "text/calendar; charset=utf-8; method=" + method.getValue(),
                text(calendar).getBytes(StandardCharsets.UTF_8));
    }
}

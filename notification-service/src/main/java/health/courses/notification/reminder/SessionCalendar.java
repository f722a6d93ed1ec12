package health.courses.notification.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The session as an iCalendar file (RFC 5545). The UID is the session's, and SEQUENCE is the session's
 * reschedule count, so a calendar that imported an earlier version updates that entry instead of adding another;
 * a cancellation is a {@code METHOD:CANCEL} of the same UID. Times are in UTC: every calendar shows them in its
 * reader's zone, and no VTIMEZONE (with its DST rules) needs to travel in the file.
 */
final class SessionCalendar {

    static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

    private SessionCalendar() {
    }

    static byte[] of(SessionLetter session, boolean cancelled, String uidDomain) {
        VEvent event = new VEvent(session.start().toInstant(), session.end().toInstant(), session.clinicName());
        event.add(new Uid("session-" + session.sessionId() + "@" + uidDomain));
        event.add(new Sequence(session.sequence()));
        event.replace(new DtStamp(Instant.now()));
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//health.courses//notification-service//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
        calendar.add(event);
        return calendar.toString().getBytes(StandardCharsets.UTF_8);
    }
}

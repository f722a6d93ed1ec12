package health.courses.scheduling.course;

import health.courses.scheduling.clinic.OpeningHours;
import health.courses.scheduling.closure.ClosedDays;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every rule one session must satisfy, in one place so booking, alternatives and availability agree: the clinic
 * is open that day, the session fits the opening hours, it keeps the minimum gap to its neighbours, and the
 * practitioner and room are free.
 */
public record BookingRules(ZoneId zone, OpeningHours hours, ClosedDays closed, Duration minGap,
        List<Occupied> occupied, UUID practitionerId, UUID roomId, int sessionMinutes, LocalDate earliest) {

    public static final String OUTSIDE_OPENING_HOURS = "outside-opening-hours";
    public static final String CLINIC_CLOSED = "clinic-closed";
    public static final String PRACTITIONER_BUSY = "practitioner-busy";
    public static final String ROOM_BUSY = "room-busy";
    public static final String TOO_CLOSE = "too-close";

    public BookingRules {
        occupied = List.copyOf(occupied);
    }

    /** Why {@code session} cannot be booked between its neighbours (either may be null); empty when it can. */
    public List<String> reasons(PlannedSession session, PlannedSession previous, PlannedSession next) {
        List<String> reasons = new ArrayList<>(2);
        // Before the course's start date counts as closed: a move or an alternative must not start it earlier.
        if (closed.closedOn(session.localDate()) || session.localDate().isBefore(earliest)) {
            reasons.add(CLINIC_CLOSED);
        }
        if (!hours.fits(session.localDate(), session.localTime(), sessionMinutes)) {
            reasons.add(OUTSIDE_OPENING_HOURS);
        }
        if (tooClose(previous, session) || tooClose(session, next)) {
            reasons.add(TOO_CLOSE);
        }
        reasons.addAll(takenBy(session));
        return reasons;
    }

    public List<String> takenBy(PlannedSession session) {
        boolean practitioner = false;
        boolean room = false;
        for (Occupied other : occupied) {
            if (session.overlaps(other.start(), other.end())) {
                practitioner |= other.practitionerId().equals(practitionerId);
                room |= other.roomId().equals(roomId);
            }
        }
        List<String> taken = new ArrayList<>(2);
        if (practitioner) {
            taken.add(PRACTITIONER_BUSY);
        }
        if (room) {
            taken.add(ROOM_BUSY);
        }
        return taken;
    }

    public boolean allows(PlannedSession session, PlannedSession previous, PlannedSession next) {
        return reasons(session, previous, next).isEmpty();
    }

    private boolean tooClose(PlannedSession earlier, PlannedSession later) {
        return earlier != null && later != null
                && Duration.between(earlier.start(), later.start()).compareTo(minGap) < 0;
    }
}

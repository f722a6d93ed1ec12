package health.courses.scheduling.course;

import health.courses.scheduling.problem.Conflict;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.session.SessionView;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One or more sessions of the course would double-book the practitioner or the room. Nothing is written. */
public final class SlotTaken extends Conflict {

    /** A planned session that collides, and with whose time: the practitioner's, the room's or both. */
    @Schema(name = "TakenSlot")
    public record TakenSlot(
            @Schema(example = "5") int number,
            @Schema(example = "2027-04-02T10:00:00+02:00") String start,
            @Schema(example = "2027-04-02T10:30:00+02:00") String end,
            @Schema(example = "[\"practitioner\"]") List<String> takenBy) {

        static TakenSlot of(PlannedSession session, List<String> takenBy) {
            return new TakenSlot(session.number(), SessionView.format(session.start()),
                    SessionView.format(session.end()), takenBy);
        }
    }

    public SlotTaken(List<TakenSlot> slots) {
        super(Problem.of("slot-taken", "Slot already taken", 409, describe(slots)).with("conflicts", slots));
    }

    private static String describe(List<TakenSlot> slots) {
        if (slots.isEmpty()) {
            return "A session of this course collides with a session booked at the same time; nothing was booked";
        }
        return slots.stream()
                .map(slot -> "session " + slot.number() + " at " + slot.start() + " (" + String.join(" and ",
                        slot.takenBy()) + " already booked)")
                .collect(Collectors.joining("; ", "", "; nothing was booked"));
    }
}

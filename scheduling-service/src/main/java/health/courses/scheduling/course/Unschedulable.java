package health.courses.scheduling.course;

import health.courses.scheduling.session.SessionView;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One occurrence of a course that cannot be booked: why, and start times nearby that satisfy every rule. */
@Schema(name = "UnschedulableSession")
public record Unschedulable(
        @Schema(example = "5") int number,
        @Schema(description = "The clinic-local date tried (after any move off a closed day)", example = "2027-04-02") LocalDate date,
        @Schema(example = "2027-04-02T10:00:00+02:00") String start,
        @Schema(example = "2027-04-02T10:30:00+02:00") String end,
        @Schema(description = "Any of outside-opening-hours, clinic-closed, practitioner-busy, room-busy, too-close",
                example = "[\"practitioner-busy\"]") List<String> reasons,
        @Schema(description = "Whose time is taken: practitioner, room (kept for clients of the first release)",
                example = "[\"practitioner\"]") List<String> takenBy,
        @Schema(description = "Up to 3 nearby start times (same day first, then the same week) that satisfy every rule",
                example = "[\"2027-04-02T10:45:00+02:00\", \"2027-04-02T09:15:00+02:00\"]") List<String> alternatives) {

    static Unschedulable of(PlannedSession session, List<String> reasons, List<String> alternatives) {
        List<String> takenBy = reasons.stream()
                .filter(reason -> reason.equals(BookingRules.PRACTITIONER_BUSY) || reason.equals(BookingRules.ROOM_BUSY))
                .map(reason -> reason.substring(0, reason.indexOf('-')))
                .toList();
        return new Unschedulable(session.number(), session.localDate(), SessionView.format(session.start()),
                SessionView.format(session.end()), List.copyOf(reasons), takenBy, List.copyOf(alternatives));
    }

    boolean onlyBusy() {
        return reasons.stream().allMatch(reason -> reason.equals(BookingRules.PRACTITIONER_BUSY)
                || reason.equals(BookingRules.ROOM_BUSY));
    }
}

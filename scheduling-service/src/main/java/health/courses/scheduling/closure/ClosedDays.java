package health.courses.scheduling.closure;

import java.time.LocalDate;
import java.util.List;

/** The clinic's closures over a stretch of days, asked per day while sessions are planned. */
public record ClosedDays(List<Closure> closures) {

    public static final ClosedDays NONE = new ClosedDays(List.of());

    public ClosedDays {
        closures = List.copyOf(closures);
    }

    public boolean closedOn(LocalDate day) {
        return closures.stream().anyMatch(closure -> closure.covers(day));
    }

    /** The reason given for the closure covering {@code day}, for a refusal's explanation. */
    public String reasonOn(LocalDate day) {
        return closures.stream().filter(closure -> closure.covers(day)).map(closure -> closure.reason)
                .filter(reason -> reason != null && !reason.isBlank()).findFirst().orElse("closed");
    }
}

package health.courses.scheduling.attendance;

import health.courses.scheduling.confirmation.Confirmation;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionStatus;
import java.util.Collection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a set of sessions turned out (issue 18), and whether the patients' confirmations go with coming: the missed
 * rate among confirmed sessions beside the one among the others. Rates are over the sessions that took place or were
 * missed (a cancelled or still scheduled session has no attendance yet), rounded to 4 places, null without any.
 */
@Schema(name = "Attendance", description = "How sessions turned out, and the patients' confirmations beside it. Rates are "
        + "shares (0-1) of the sessions that took place or were missed; null while there is none")
public record Attendance(
        @Schema(description = "Sessions that took place", example = "9") int completed,
        @Schema(description = "Sessions the patient did not come to", example = "1") int missed,
        @Schema(description = "Sessions the patient cancelled", example = "1") int cancelledByPatient,
        @Schema(description = "Sessions the clinic cancelled, including those a course cancellation ended", example = "2")
        int cancelledByClinic,
        @Schema(description = "Of the sessions that took place or were missed, how many the patient had confirmed",
                example = "8") int confirmed,
        @Schema(nullable = true, description = "confirmed / (completed + missed)", example = "0.8")
        Double confirmationRate,
        @Schema(nullable = true, description = "Missed among the sessions the patient had confirmed", example = "0.0")
        Double missedRateConfirmed,
        @Schema(nullable = true, description = "Missed among the sessions the patient had not confirmed (unconfirmed or "
                + "reschedule-requested)", example = "0.5") Double missedRateUnconfirmed) {

    public static Attendance of(Collection<Session> sessions) {
        Tally tally = new Tally();
        sessions.forEach(tally::add);
        return tally.attendance();
    }

    /** Counts sessions one by one or as the report's grouped rows, and turns the counts into figures. */
    static final class Tally {

        private long completed;
        private long completedConfirmed;
        private long missed;
        private long missedConfirmed;
        private long cancelledByPatient;
        private long cancelledByClinic;

        void add(Session session) {
            boolean confirmed = session.confirmation == Confirmation.CONFIRMED;
            if (session.status == SessionStatus.COMPLETED) {
                add(1, confirmed ? 1 : 0, 0, 0, 0, 0);
            } else if (session.status == SessionStatus.MISSED) {
                add(0, 0, 1, confirmed ? 1 : 0, 0, 0);
            } else if (session.status == SessionStatus.CANCELLED) {
                // A course cancellation leaves cancelled_by empty: the clinic ended the course.
                boolean byPatient = "patient".equals(session.cancelledBy);
                add(0, 0, 0, 0, byPatient ? 1 : 0, byPatient ? 0 : 1);
            }
        }

        void add(long completed, long completedConfirmed, long missed, long missedConfirmed, long cancelledByPatient,
                long cancelledByClinic) {
            this.completed += completed;
            this.completedConfirmed += completedConfirmed;
            this.missed += missed;
            this.missedConfirmed += missedConfirmed;
            this.cancelledByPatient += cancelledByPatient;
            this.cancelledByClinic += cancelledByClinic;
        }

        void add(Tally other) {
            add(other.completed, other.completedConfirmed, other.missed, other.missedConfirmed,
                    other.cancelledByPatient, other.cancelledByClinic);
        }

        Attendance attendance() {
            long due = completed + missed;
            long confirmed = completedConfirmed + missedConfirmed;
            return new Attendance((int) completed, (int) missed, (int) cancelledByPatient, (int) cancelledByClinic,
                    (int) confirmed, rate(confirmed, due), rate(missedConfirmed, confirmed),
                    rate(missed - missedConfirmed, due - confirmed));
        }

        private static Double rate(long part, long whole) {
            return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
        }
    }
}

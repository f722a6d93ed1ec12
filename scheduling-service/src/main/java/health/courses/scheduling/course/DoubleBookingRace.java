package health.courses.scheduling.course;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;

/**
 * Two bookings racing for the same slot can both pass the read check; the database's exclusion constraint then
 * refuses the later commit (the conflicting row is committed by then: PostgreSQL waits for it before deciding).
 */
final class DoubleBookingRace {

    private static final String EXCLUSION_VIOLATION = "23P01";

    private DoubleBookingRace() {
    }

    /** Hibernate Reactive reports the driver's error as an SQLException; the raw PgException is checked as well. */
    static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())
                    || cause instanceof PgException pg && EXCLUSION_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (lost(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}

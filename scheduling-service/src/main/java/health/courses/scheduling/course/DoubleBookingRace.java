package health.courses.scheduling.course;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;

/**
 * Two bookings racing for the same slot can both pass the read check; the database's exclusion constraint then
 * refuses the later commit (the conflicting row is committed by then: PostgreSQL waits for it before deciding).
 */
final class DoubleBookingRace {

    private static final String EXCLUSION_VIOLATION = "23P01";
    /**
     * Two transactions inserting overlapping sessions each find the other's row in the exclusion index and wait for
     * each other; PostgreSQL then aborts one with deadlock_detected. For the aborted one that is the same lost race
     * (seen as a 500 in the 50-concurrent-bookings test once the audit insert moved the flush).
     */
    private static final String DEADLOCK = "40P01";

    private DoubleBookingRace() {
    }

    /** Hibernate Reactive reports the driver's error as an SQLException; the raw PgException is checked as well. */
    static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && raced(sql.getSQLState())
                    || cause instanceof PgException pg && raced(pg.getSqlState())) {
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

    private static boolean raced(String sqlState) {
        return EXCLUSION_VIOLATION.equals(sqlState) || DEADLOCK.equals(sqlState);
    }
}

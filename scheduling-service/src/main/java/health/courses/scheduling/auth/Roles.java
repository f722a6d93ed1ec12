package health.courses.scheduling.auth;

/** The roles a clinic's identity provider puts in the token's groups claim. */
public final class Roles {

    /** Front desk: books and changes courses, manages practitioners and rooms. */
    public static final String BOOKING = "booking";
    /** Clinicians: evaluations, clinical decisions, clearing held courses. */
    public static final String CLINICIAN = "clinician";
    /** Operators: run the system (dead letters, diagnostics). */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}

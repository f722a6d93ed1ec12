package health.courses.notification.clinic;

/** Role names as the tokens carry them in {@code groups}. */
public final class Roles {

    public static final String BOOKING = "booking";
    public static final String CLINICIAN = "clinician";
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}

package health.courses.localstack;

/** Two fixed clinics so that local-run tokens, demo data and tests can show clinic isolation. */
public final class DemoClinics {

    public static final String A = "a0000000-0000-4000-8000-00000000000a";
    public static final String B = "b0000000-0000-4000-8000-00000000000b";

    private DemoClinics() {
    }
}

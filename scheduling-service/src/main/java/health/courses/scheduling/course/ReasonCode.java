package health.courses.scheduling.course;

/**
 * Reasons travel on Kafka and into logs, so they are codes (patient-request, illness, clinician-cleared), never
 * free text: free text invites clinical details that must not leave the database.
 */
final class ReasonCode {

    static final String PATTERN = "^[a-z0-9]+([:._-][a-z0-9]+)*$";
    static final String MESSAGE = "must be a code such as patient-request: lower-case letters and digits joined by : . _ or -";
    static final int MAX = 100;

    private ReasonCode() {
    }

    static String orDefault(String reason, String fallback) {
        return reason == null ? fallback : reason;
    }
}

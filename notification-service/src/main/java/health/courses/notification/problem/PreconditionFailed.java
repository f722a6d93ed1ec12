package health.courses.notification.problem;

/** An {@code If-Match} that names another version than the stored one: the client worked on stale data. */
public class PreconditionFailed extends RuntimeException {

    public PreconditionFailed(String detail) {
        super(detail, null, false, false);
    }
}

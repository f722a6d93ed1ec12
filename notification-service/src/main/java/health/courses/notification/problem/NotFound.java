package health.courses.notification.problem;

/**
 * Also thrown for another clinic's resource: a clinic cannot tell "not yours" from "not there".
 */
public class NotFound extends RuntimeException {

    public NotFound(String detail) {
        super(detail, null, false, false);
    }
}

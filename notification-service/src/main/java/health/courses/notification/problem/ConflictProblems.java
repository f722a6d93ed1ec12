package health.courses.notification.problem;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Concurrent writers: the loser learns to re-read, never gets a 500. */
public class ConflictProblems {

    @ServerExceptionMapper
    public RestResponse<Problem> preconditionFailed(PreconditionFailed exception) {
        return Problem.of("version-mismatch", "Version mismatch", 412, exception.getMessage()).response();
    }

    @ServerExceptionMapper(value = { OptimisticLockException.class, StaleStateException.class,
            ConstraintViolationException.class })
    public RestResponse<Problem> concurrentChange(RuntimeException exception) {
        return Problem.of("concurrent-change", "Concurrent change", 409,
                "The resource was changed at the same time; read it again and retry").response();
    }
}

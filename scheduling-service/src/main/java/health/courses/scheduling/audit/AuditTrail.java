package health.courses.scheduling.audit;

import health.courses.scheduling.auth.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes the audit log (table audit_log, append-only by trigger). Every call must run inside the transaction of the
 * change it records: the row is inserted through the same Hibernate Reactive session, so it commits or rolls back with
 * the change. A refused change (4xx) therefore leaves no entry, and no entry describes a change that did not happen.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT = """
            INSERT INTO scheduling.audit_log (clinic_id, subject, role, action, resource_type, resource_id, request_id)
            VALUES (:clinicId, :subject, :role, :action, :resourceType, :resourceId, :requestId)""";

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final Caller caller;

    AuditTrail(Caller caller) {
        this.caller = caller;
    }

    /**
     * Records a change made by the API's caller (clinic, subject, authorising role and request id from the request).
     *
     * @param action {@code <resource>.<verb>}, e.g. {@code course.booked}
     */
    public Uni<Void> record(String action, String resourceType, UUID resourceId) {
        // Read while the request is current: the caller is request-scoped, its token the one that authorised the call.
        Actor actor = new Actor(caller.clinicId(), caller.subject(), caller.role(), caller.requestId());
        return record(actor, action, resourceType, resourceId);
    }

    /** Records a change made on behalf of {@code actor}, e.g. {@link Actor#system} for a consumed event. */
    public Uni<Void> record(Actor actor, String action, String resourceType, UUID resourceId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT)
                        .setParameter("clinicId", actor.clinicId())
                        .setParameter("subject", actor.subject() == null ? "unknown" : actor.subject())
                        .setParameter("role", actor.role())
                        .setParameter("action", action)
                        .setParameter("resourceType", resourceType)
                        .setParameter("resourceId", resourceId)
                        .setParameter("requestId", actor.requestId())
                        .executeUpdate())
                // Ids only; the log line carries the request id through the MDC.
                .invoke(() -> LOG.debugf("audit %s %s %s by %s", action, resourceType, resourceId, actor.role()))
                .replaceWithVoid();
    }
}

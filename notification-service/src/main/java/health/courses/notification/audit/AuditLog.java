package health.courses.notification.audit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import health.courses.notification.clinic.Roles;
import health.courses.notification.security.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends to {@code audit_log} inside the caller's transaction, so a change and its record commit or roll back
 * together: a refused change leaves no row, an accepted one always does. Who: the token's subject and roles; no
 * patient data, no bodies, only ids.
 */
@ApplicationScoped
public class AuditLog {

    private static final List<String> ROLE_ORDER = List.of(Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR);
    private static final String INSERT = """
            insert into audit_log (clinic_id, subject, role, action, resource_type, resource_id, request_id)
            values ($1, $2, $3, $4, $5, $6, $7)""";

    private final JsonWebToken token;

    AuditLog(JsonWebToken token) {
        this.token = token;
    }

    /** Within the current Hibernate Reactive transaction (a {@code @WithTransaction} service method). */
    public Uni<Void> record(UUID clinicId, String action, String resourceType, String resourceId) {
        return write(entry(clinicId, action, resourceType, resourceId));
    }

    /**
     * For a change made without a bearer token, e.g. a patient answering through the check-in link: who acted is
     * named by the caller ({@code check-in-link}, role {@code patient}), still with the request id.
     */
    public Uni<Void> recordAs(UUID clinicId, String subject, String role, String action, String resourceType,
            String resourceId) {
        return write(new Entry(clinicId, subject, role, action, resourceType, resourceId,
                RequestIds.current().orElse(null)));
    }

    private Uni<Void> write(Entry entry) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into audit_log (clinic_id, subject, role, action, resource_type, resource_id, request_id)
                values (:clinic, :subject, :role, :action, :type, :id, :request)""")
                .setParameter("clinic", entry.clinicId())
                .setParameter("subject", entry.subject())
                .setParameter("role", entry.role())
                .setParameter("action", entry.action())
                .setParameter("type", entry.resourceType())
                .setParameter("id", entry.resourceId())
                .setParameter("request", entry.requestId())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Within a transaction of the reactive SQL client. */
    public Uni<Void> record(SqlConnection connection, UUID clinicId, String action, String resourceType,
            String resourceId) {
        Entry entry = entry(clinicId, action, resourceType, resourceId);
        return connection.preparedQuery(INSERT)
                .execute(Tuple.tuple().addUUID(entry.clinicId()).addString(entry.subject()).addString(entry.role())
                        .addString(entry.action()).addString(entry.resourceType()).addString(entry.resourceId())
                        .addString(entry.requestId()))
                .replaceWithVoid();
    }

    private Entry entry(UUID clinicId, String action, String resourceType, String resourceId) {
        String subject = Optional.ofNullable(token.getSubject()).orElse(token.getName());
        Set<String> groups = Optional.ofNullable(token.getGroups()).orElse(Set.of());
        // The roles this caller acted with, of the ones this service knows; the token may carry others.
        String role = ROLE_ORDER.stream().filter(groups::contains).collect(Collectors.joining(","));
        return new Entry(clinicId, subject == null ? "unknown" : subject, role.isEmpty() ? "none" : role, action,
                resourceType, resourceId, RequestIds.current().orElse(null));
    }

    record Entry(UUID clinicId, String subject, String role, String action, String resourceType, String resourceId,
            String requestId) {
    }
}

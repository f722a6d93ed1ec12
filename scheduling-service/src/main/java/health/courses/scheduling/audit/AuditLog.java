package health.courses.scheduling.audit;

import health.courses.scheduling.api.Cursor;
import health.courses.scheduling.api.Page;
import health.courses.scheduling.api.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a clinic's audit log, newest first; the clinic is always a condition of the query. */
@ApplicationScoped
public class AuditLog {

    private final Pool pool;

    AuditLog(Pool pool) {
        this.pool = pool;
    }

    public Uni<AuditList> list(UUID clinicId, String resourceType, UUID resourceId, PageRequest page) {
        Cursor after = Cursor.decode(page.cursor(), 1);
        List<Object> parameters = new ArrayList<>(List.of(clinicId));
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, subject, role, action, resource_type, resource_id, request_id
                FROM scheduling.audit_log WHERE clinic_id = $1""");
        if (resourceType != null) {
            parameters.add(resourceType);
            sql.append(" AND resource_type = $").append(parameters.size());
        }
        if (resourceId != null) {
            parameters.add(resourceId);
            sql.append(" AND resource_id = $").append(parameters.size());
        }
        if (after != null) {
            parameters.add(after.number(0));
            sql.append(" AND id < $").append(parameters.size());
        }
        parameters.add(page.fetchSize());
        sql.append(" ORDER BY id DESC LIMIT $").append(parameters.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(parameters))
                .map(rows -> {
                    List<AuditEntry> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(entry(row));
                    }
                    Page<AuditEntry> shown = Page.of(found, page, entry -> entry,
                            last -> Cursor.encode(Long.toString(last.id())));
                    return new AuditList(shown.items(), shown.nextCursor());
                });
    }

    private static AuditEntry entry(Row row) {
        return new AuditEntry(row.getLong("id"), row.getOffsetDateTime("occurred_at"), row.getString("subject"),
                row.getString("role"), row.getString("action"), row.getString("resource_type"),
                row.getUUID("resource_id"), row.getString("request_id"));
    }
}

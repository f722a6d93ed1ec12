package health.courses.scheduling.course;

import health.courses.scheduling.api.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CourseRepository implements PanacheRepositoryBase<Course, UUID> {

    public Uni<Course> findInClinic(UUID clinicId, UUID id) {
        return find("clinicId = :clinicId and id = :id", Parameters.with("clinicId", clinicId).and("id", id))
                .firstResult();
    }

    /**
     * Newest first, optionally only one patient's or one status; {@code after} is the previous page's last
     * (createdAt, id).
     */
    public Uni<List<Course>> pageInClinic(UUID clinicId, UUID patientId, CourseStatus status, Cursor after, int size) {
        StringBuilder query = new StringBuilder("clinicId = :clinicId");
        Parameters parameters = Parameters.with("clinicId", clinicId);
        if (patientId != null) {
            query.append(" and patientId = :patientId");
            parameters.and("patientId", patientId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            query.append(" and (createdAt < :created or (createdAt = :created and id < :id))");
            parameters.and("created", after.instant(0)).and("id", after.uuid(1));
        }
        return find(query.toString(), Sort.descending("createdAt", "id"), parameters).range(0, size - 1).list();
    }
}

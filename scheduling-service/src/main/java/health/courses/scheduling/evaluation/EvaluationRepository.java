package health.courses.scheduling.evaluation;

import health.courses.scheduling.api.Cursor;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("evaluatedOn", "createdAt", "id");

    /** The evaluation that counts for a course starting on {@code day}: the newest one on or before it. */
    public Uni<Evaluation> newestOnOrBefore(UUID clinicId, UUID patientId, LocalDate day) {
        return find("clinicId = :clinicId and patientId = :patientId and evaluatedOn <= :day", NEWEST_FIRST,
                Parameters.with("clinicId", clinicId).and("patientId", patientId).and("day", day)).firstResult();
    }

    /** Newest first; {@code after} is the previous page's last (evaluatedOn, createdAt, id). */
    public Uni<List<Evaluation>> pageOfPatient(UUID clinicId, UUID patientId, Cursor after, int size) {
        Parameters parameters = Parameters.with("clinicId", clinicId).and("patientId", patientId);
        if (after == null) {
            return find("clinicId = :clinicId and patientId = :patientId", NEWEST_FIRST, parameters)
                    .range(0, size - 1).list();
        }
        return find("""
                clinicId = :clinicId and patientId = :patientId and (evaluatedOn < :day
                  or (evaluatedOn = :day and (createdAt < :created or (createdAt = :created and id < :id))))""",
                NEWEST_FIRST, parameters.and("day", after.date(0))
                        .and("created", after.instant(1)).and("id", after.uuid(2)))
                .range(0, size - 1).list();
    }
}

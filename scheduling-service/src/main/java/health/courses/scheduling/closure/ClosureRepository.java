package health.courses.scheduling.closure;

import health.courses.scheduling.api.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClosureRepository implements PanacheRepositoryBase<Closure, UUID> {

    public Uni<Closure> findInClinic(UUID clinicId, UUID id) {
        return find("clinicId = :clinicId and id = :id", Parameters.with("clinicId", clinicId).and("id", id))
                .firstResult();
    }

    /** Closures touching [from, to]. */
    public Uni<List<Closure>> overlapping(UUID clinicId, LocalDate from, LocalDate to) {
        return list("clinicId = :clinicId and firstDay <= :to and lastDay >= :from", Sort.by("firstDay"),
                Parameters.with("clinicId", clinicId).and("from", from).and("to", to));
    }

    /** By first day then id; {@code after} is the previous page's last (firstDay, id). */
    public Uni<List<Closure>> pageInClinic(UUID clinicId, Cursor after, int size) {
        if (after == null) {
            return find("clinicId", Sort.by("firstDay").and("id"), clinicId).range(0, size - 1).list();
        }
        return find("clinicId = :clinicId and (firstDay > :day or (firstDay = :day and id > :id))",
                Sort.by("firstDay").and("id"),
                Parameters.with("clinicId", clinicId).and("day", after.date(0))
                        .and("id", after.uuid(1)))
                .range(0, size - 1).list();
    }
}

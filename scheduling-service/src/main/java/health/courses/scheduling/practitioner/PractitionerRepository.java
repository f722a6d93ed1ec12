package health.courses.scheduling.practitioner;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PractitionerRepository implements PanacheRepositoryBase<Practitioner, UUID> {

    public Uni<Practitioner> findInClinic(UUID clinicId, UUID id) {
        return find("clinicId = :clinicId and id = :id", Parameters.with("clinicId", clinicId).and("id", id))
                .firstResult();
    }

    public Uni<List<Practitioner>> listInClinic(UUID clinicId) {
        return list("clinicId", Sort.by("name").and("id"), clinicId);
    }
}

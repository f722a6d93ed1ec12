package health.courses.scheduling.patient;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    public Uni<Patient> findInClinic(UUID clinicId, UUID id) {
        return find("clinicId = :clinicId and id = :id", Parameters.with("clinicId", clinicId).and("id", id))
                .firstResult();
    }

    public Uni<Patient> findByReference(UUID clinicId, String externalReference) {
        return find("clinicId = :clinicId and externalReference = :reference",
                Parameters.with("clinicId", clinicId).and("reference", externalReference)).firstResult();
    }
}

package health.courses.scheduling.clinic;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The caller's clinic, created with defaults the first time a clinic's token is seen. */
@ApplicationScoped
public class Clinics {

    private final ClinicRepository clinics;

    Clinics(ClinicRepository clinics) {
        this.clinics = clinics;
    }

    /** Joins the caller's transaction when there is one, so provisioning commits or rolls back with the change. */
    @WithTransaction
    public Uni<Clinic> current(UUID clinicId) {
        return clinics.findById(clinicId)
                .flatMap(found -> found != null
                        ? Uni.createFrom().item(found)
                        : clinics.provision(clinicId).flatMap(ignored -> clinics.findById(clinicId)));
    }
}

package health.courses.scheduling.practitioner;

import health.courses.scheduling.clinic.Clinics;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The clinic's practitioners: whoever gives a session. */
@ApplicationScoped
public class Practitioners {

    private final Clinics clinics;
    private final PractitionerRepository practitioners;

    Practitioners(Clinics clinics, PractitionerRepository practitioners) {
        this.clinics = clinics;
        this.practitioners = practitioners;
    }

    @WithTransaction
    public Uni<Practitioner> add(UUID clinicId, String name) {
        return clinics.current(clinicId).flatMap(clinic -> {
            Practitioner practitioner = new Practitioner();
            practitioner.id = UUID.randomUUID();
            practitioner.clinicId = clinicId;
            practitioner.name = name.strip();
            practitioner.version = 1;
            return practitioners.persist(practitioner);
        });
    }

    @WithSession
    public Uni<List<Practitioner>> list(UUID clinicId) {
        return practitioners.listInClinic(clinicId);
    }
}

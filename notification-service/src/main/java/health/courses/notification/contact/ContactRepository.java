package health.courses.notification.contact;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<PatientContact, ContactKey> {

    Uni<PatientContact> find(UUID clinicId, UUID patientId) {
        return findById(new ContactKey(clinicId, patientId));
    }
}

package health.courses.notification.contact;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<PatientContact, ContactKey> {

    Uni<PatientContact> find(UUID clinicId, UUID patientId) {
        return findById(new ContactKey(clinicId, patientId));
    }

    /**
     * The contacts of these keys in one query. Clinics and patients are matched separately (a batch is nearly
     * always one clinic), so a pair that was not asked for may come back too; the caller looks up by key.
     */
    Uni<List<PatientContact>> findAll(Collection<ContactKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("key.clinicId in ?1 and key.patientId in ?2",
                keys.stream().map(ContactKey::clinicId).distinct().toList(),
                keys.stream().map(ContactKey::patientId).distinct().toList());
    }
}

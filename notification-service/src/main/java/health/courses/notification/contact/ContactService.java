package health.courses.notification.contact;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.problem.NotFound;
import health.courses.notification.problem.PreconditionFailed;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContactService {

    private final ContactRepository contacts;

    ContactService(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** @param expectedVersion the version an {@code If-Match} named, if any */
    @WithTransaction
    public Uni<Saved> put(UUID clinicId, UUID patientId, ContactDetails details, OptionalLong expectedVersion) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return contacts.find(clinicId, patientId).chain(existing -> {
            if (existing == null) {
                if (expectedVersion.isPresent()) {
                    return Uni.createFrom().failure(new PreconditionFailed("No contact on file to match If-Match"));
                }
                PatientContact created = PatientContact.create(new ContactKey(clinicId, patientId), details, now);
                return contacts.persistAndFlush(created).map(stored -> new Saved(stored.view(), true));
            }
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != existing.version()) {
                return Uni.createFrom().failure(new PreconditionFailed(
                        "The contact is at version " + existing.version() + ", not " + expectedVersion.getAsLong()));
            }
            existing.replace(details, now);
            // The version is bumped at flush; the answer must carry the new one.
            return contacts.flush().map(flushed -> new Saved(existing.view(), false));
        });
    }

    @WithSession
    public Uni<ContactView> get(UUID clinicId, UUID patientId) {
        return contacts.find(clinicId, patientId)
                .onItem().ifNull().failWith(() -> new NotFound("No contact on file for this patient"))
                .map(PatientContact::view);
    }

    /** For sending: empty when the clinic has not given us a way to reach the patient. */
    @WithSession
    public Uni<Optional<Contact>> contactFor(UUID clinicId, UUID patientId) {
        return contacts.find(clinicId, patientId).map(found -> Optional.ofNullable(found).map(PatientContact::contact));
    }

    public record Saved(ContactView contact, boolean created) {
    }
}

package health.courses.notification.contact;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import health.courses.notification.audit.AuditLog;
import health.courses.notification.problem.NotFound;
import health.courses.notification.problem.PreconditionFailed;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContactService {

    private static final Logger LOG = Logger.getLogger(ContactService.class);
    static final String RESOURCE = "contact";

    private final ContactRepository contacts;
    private final ContactCipher cipher;
    private final AuditLog audit;
    private final MeterRegistry metrics;

    private final Clock clock;

    ContactService(ContactRepository contacts, ContactCipher cipher, AuditLog audit, MeterRegistry metrics,
            Clock clock) {
        this.clock = clock;
        this.contacts = contacts;
        this.cipher = cipher;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** @param expectedVersion the version an {@code If-Match} named, if any */
    @WithTransaction
    public Uni<Saved> put(UUID clinicId, UUID patientId, ContactDetails details, OptionalLong expectedVersion) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return contacts.find(clinicId, patientId).chain(existing -> {
            if (existing == null) {
                if (expectedVersion.isPresent()) {
                    return Uni.createFrom().failure(new PreconditionFailed("No contact on file to match If-Match"));
                }
                PatientContact created = PatientContact.create(new ContactKey(clinicId, patientId), details, now, cipher);
                return contacts.persistAndFlush(created)
                        .call(stored -> audit.record(clinicId, "contact.created", RESOURCE, patientId.toString()))
                        .map(stored -> new Saved(stored.view(cipher), true));
            }
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != existing.version()) {
                return Uni.createFrom().failure(new PreconditionFailed(
                        "The contact is at version " + existing.version() + ", not " + expectedVersion.getAsLong()));
            }
            // Replacing needs no decryption: a contact whose ciphertext no longer decrypts can be set anew.
            existing.replace(details, now, cipher);
            // The version is bumped at flush; the answer must carry the new one.
            return contacts.flush()
                    .call(() -> audit.record(clinicId, "contact.updated", RESOURCE, patientId.toString()))
                    .map(flushed -> new Saved(existing.view(cipher), false));
        });
    }

    @WithSession
    public Uni<ContactView> get(UUID clinicId, UUID patientId) {
        return contacts.find(clinicId, patientId)
                .onItem().ifNull().failWith(() -> new NotFound("No contact on file for this patient"))
                .map(contact -> contact.view(cipher));
    }

    /**
     * For sending, decrypted: empty when the clinic has not given us a way to reach the patient, and also when the
     * stored contact does not decrypt (altered, or under a key no longer configured). Failing closed this way nobody
     * gets a message meant for someone else; the error log and the counter name the patient, never an address.
     */
    @WithSession
    public Uni<Optional<Contact>> contactFor(UUID clinicId, UUID patientId) {
        return contacts.find(clinicId, patientId).map(found -> {
            if (found == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(found.contact(cipher));
            } catch (ContactCipher.Unreadable unreadable) {
                LOG.errorf("Contact of patient %s in clinic %s is unreadable, nothing is sent to it: %s", patientId,
                        clinicId, unreadable.getMessage());
                metrics.counter("courses.contacts.unreadable").increment();
                return Optional.empty();
            }
        });
    }

    /** For planning: the contact's preferences, no address decrypted; empty without a contact on file. */
    @WithSession
    public Uni<Optional<ContactPreferences>> preferencesFor(UUID clinicId, UUID patientId) {
        return contacts.find(clinicId, patientId).map(found -> Optional.ofNullable(found).map(PatientContact::preferences));
    }

    /**
     * The patient's own opt-out of one kind of message, from the unsubscribe link of a mail: added to the contact's
     * opt-outs as if the clinic had sent it, audited under the patient's contact. False when there is no contact
     * (deleted since), nothing to do when already declined.
     */
    @WithTransaction
    public Uni<Boolean> optOutOf(UUID clinicId, UUID patientId, String kind) {
        return contacts.find(clinicId, patientId).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().item(false);
            }
            if (!existing.optOutOf(kind, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))) {
                return Uni.createFrom().item(true);
            }
            return contacts.flush()
                    .call(() -> audit.recordAs(clinicId, "unsubscribe-link", "patient", "contact.unsubscribed", RESOURCE,
                            patientId.toString()))
                    .replaceWith(true);
        });
    }

    public record Saved(ContactView contact, boolean created) {
    }
}

package health.courses.notification.reply;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import health.courses.notification.contact.ContactCipher;
import health.courses.notification.problem.NotFound;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The free-text SMS replies of a patient, decrypted for the clinic's clinicians only. */
@ApplicationScoped
class PatientMessages {

    private static final Logger LOG = Logger.getLogger(PatientMessages.class);

    private final ReplyRepository replies;
    private final ContactCipher cipher;

    PatientMessages(ReplyRepository replies, ContactCipher cipher) {
        this.replies = replies;
        this.cipher = cipher;
    }

    @Schema(name = "PatientMessage", description = "A message the patient sent by SMS in reply to a reminder")
    record Message(UUID id, OffsetDateTime receivedAt,
            @Schema(nullable = true, description = "Null when it no longer decrypts (a key removed too early)")
            String text) {
    }

    @Schema(name = "PatientMessages")
    record Page(List<Message> items) {
    }

    /** Another clinic's patient, or one without a contact here, is 404: nothing says whether they exist. */
    Uni<Page> of(UUID clinicId, UUID patientId, int limit) {
        return Panache.withSession(() -> replies.hasContact(clinicId, patientId).chain(known -> {
            if (!known) {
                return Uni.createFrom().failure(new NotFound("No contact on file for this patient"));
            }
            return replies.messages(clinicId, patientId, limit).map(stored -> new Page(stored.stream()
                    .map(message -> new Message(message.id(), message.receivedAt(),
                            text(clinicId, patientId, message)))
                    .toList()));
        }));
    }

    private String text(UUID clinicId, UUID patientId, ReplyRepository.StoredMessage message) {
        try {
            return cipher.decrypt(message.keyId(), ContactCipher.Field.MESSAGE, clinicId, patientId,
                    message.ciphertext()).orElse(null);
        } catch (ContactCipher.Unreadable unreadable) {
            LOG.errorf("Message %s of patient %s is unreadable: %s", message.id(), patientId, unreadable.getMessage());
            return null;
        }
    }
}

package health.courses.notification.contact;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The contacts of a dispatch batch, read in one statement through the reactive PostgreSQL client and not decrypted:
 * whether a patient still wants a kind over a channel needs only the opt-outs, and an address is decrypted only for
 * a message that is sent. Not through Hibernate, as the batch's claim and its sessions are not either: a Hibernate
 * session and an interpreted {@code in} query per batch were a hot spot of the drain's profile. Read only.
 */
@ApplicationScoped
public class StoredContacts {

    private static final Logger LOG = Logger.getLogger(StoredContacts.class);

    // exactly the keys asked for, by the primary key
    private static final String READ = """
            select c.clinic_id, c.patient_id, c.email, c.phone, c.email_ciphertext, c.phone_ciphertext, c.key_id,
                   c.language, c.zone, c.preferred_channels, c.quiet_hours_start, c.quiet_hours_end,
                   c.opted_out_channels, c.opted_out_kinds, c.home_exercise
              from patient_contact c
              join unnest($1::uuid[], $2::uuid[]) as wanted (clinic_id, patient_id)
                on c.clinic_id = wanted.clinic_id and c.patient_id = wanted.patient_id""";

    private final Pool pool;
    private final ContactCipher cipher;
    private final MeterRegistry metrics;

    StoredContacts(Pool pool, ContactCipher cipher, MeterRegistry metrics) {
        this.pool = pool;
        this.cipher = cipher;
        this.metrics = metrics;
    }

    /** The contacts on file of these keys; a key without a contact is absent. */
    public Uni<Map<ContactKey, ContactOnFile>> onFile(Collection<ContactKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<ContactKey> wanted = List.copyOf(keys);
        UUID[] clinics = new UUID[wanted.size()];
        UUID[] patients = new UUID[wanted.size()];
        for (int i = 0; i < wanted.size(); i++) {
            clinics[i] = wanted.get(i).clinicId();
            patients[i] = wanted.get(i).patientId();
        }
        return pool.preparedQuery(READ).execute(Tuple.of(clinics, patients)).map(rows -> {
            Map<ContactKey, ContactOnFile> found = new HashMap<>();
            for (Row row : rows) {
                StoredContact stored = stored(row);
                found.putIfAbsent(stored.key(), new ContactOnFile(stored.preferences(), () -> decrypt(stored)));
            }
            return found;
        });
    }

    /**
     * Empty when the stored contact does not decrypt (altered, or under a key no longer configured): failing closed,
     * nobody gets a message meant for someone else. The log and the counter name the patient, never an address.
     */
    private Optional<Contact> decrypt(StoredContact stored) {
        try {
            return Optional.of(stored.contact(cipher));
        } catch (ContactCipher.Unreadable unreadable) {
            LOG.errorf("Contact of patient %s in clinic %s is unreadable, nothing is sent to it: %s",
                    stored.key().patientId(), stored.key().clinicId(), unreadable.getMessage());
            metrics.counter("courses.contacts.unreadable").increment();
            return Optional.empty();
        }
    }

    private static StoredContact stored(Row row) {
        return new StoredContact(new ContactKey(row.getUUID("clinic_id"), row.getUUID("patient_id")),
                row.getString("email"), row.getString("phone"), bytes(row.getBuffer("email_ciphertext")),
                bytes(row.getBuffer("phone_ciphertext")), row.getString("key_id"), row.getString("language"),
                row.getString("zone"), List.of(row.getArrayOfStrings("preferred_channels")),
                row.getLocalTime("quiet_hours_start"), row.getLocalTime("quiet_hours_end"),
                List.of(row.getArrayOfStrings("opted_out_channels")), List.of(row.getArrayOfStrings("opted_out_kinds")),
                row.getBoolean("home_exercise"));
    }

    private static byte[] bytes(Buffer buffer) {
        return buffer == null ? null : buffer.getBytes();
    }
}

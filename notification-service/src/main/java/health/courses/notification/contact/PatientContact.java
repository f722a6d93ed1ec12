package health.courses.notification.contact;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "patient_contact")
public class PatientContact {

    public static final String DEFAULT_ZONE = "Europe/Berlin";

    @EmbeddedId
    private ContactKey key;
    private String email;
    private String phone;
    private String language;
    private String zone;
    @Version
    private long version;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected PatientContact() {
    }

    static PatientContact create(ContactKey key, ContactDetails details, OffsetDateTime now) {
        PatientContact contact = new PatientContact();
        contact.key = key;
        contact.createdAt = now;
        contact.replace(details, now);
        return contact;
    }

    /** PUT semantics: what the clinic leaves out falls back to the default, not to the old value. */
    void replace(ContactDetails details, OffsetDateTime now) {
        email = details.email().strip();
        phone = details.phone();
        language = details.language() != null ? details.language() : Languages.DEFAULT;
        zone = details.zone() != null ? details.zone() : DEFAULT_ZONE;
        updatedAt = now;
    }

    long version() {
        return version;
    }

    ContactView view() {
        return new ContactView(key.patientId(), email, phone, language, zone, version, updatedAt);
    }

    Contact contact() {
        return new Contact(email, Optional.ofNullable(phone), Languages.locale(language), ZoneId.of(zone));
    }
}

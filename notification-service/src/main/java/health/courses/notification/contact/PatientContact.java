package health.courses.notification.contact;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
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
    // Plaintext from before V20: read until the re-encryption job has encrypted the row, and only ever cleared.
    @Column(name = "email")
    private String legacyEmail;
    @Column(name = "phone")
    private String legacyPhone;
    // Null while the row is legacy plaintext.
    @Column(name = "email_ciphertext")
    private byte[] emailCiphertext;
    @Column(name = "phone_ciphertext")
    private byte[] phoneCiphertext;
    @Column(name = "key_id")
    private String keyId;
    // Keyed hash of the phone number in E.164 (PhoneLookup), so an SMS reply finds its patient; never the number.
    @Column(name = "phone_lookup")
    private byte[] phoneLookup;
    private String language;
    private String zone;
    @Column(name = "preferred_channels")
    private String[] preferredChannels;
    @Column(name = "quiet_hours_start")
    private LocalTime quietHoursStart;
    @Column(name = "quiet_hours_end")
    private LocalTime quietHoursEnd;
    @Column(name = "opted_out_channels")
    private String[] optedOutChannels;
    @Column(name = "opted_out_kinds")
    private String[] optedOutKinds;
    @Column(name = "home_exercise")
    private boolean homeExercise;
    @Version
    private long version;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected PatientContact() {
    }

    static PatientContact create(ContactKey key, ContactDetails details, OffsetDateTime now, ContactCipher cipher) {
        PatientContact contact = new PatientContact();
        contact.key = key;
        contact.createdAt = now;
        contact.replace(details, now, cipher);
        return contact;
    }

    /** PUT semantics: what the clinic leaves out falls back to the default, not to the old value. */
    void replace(ContactDetails details, OffsetDateTime now, ContactCipher cipher) {
        // Always under the current key, with fresh nonces: a replaced contact also leaves any old key behind.
        keyId = cipher.currentKeyId();
        legacyEmail = null;
        legacyPhone = null;
        emailCiphertext = cipher.encrypt(keyId, ContactCipher.Field.EMAIL, key.clinicId(), key.patientId(),
                details.email().strip());
        phoneCiphertext = cipher.encrypt(keyId, ContactCipher.Field.PHONE, key.clinicId(), key.patientId(),
                details.phone());
        phoneLookup = cipher.phoneLookup(details.phone());
        language = details.language() != null ? details.language() : Languages.DEFAULT;
        zone = details.zone() != null ? details.zone() : DEFAULT_ZONE;
        // Distinct, in the order given: a channel named twice would otherwise get every reminder twice.
        preferredChannels = (details.preferredChannels() != null ? details.preferredChannels() : Channels.DEFAULT_PREFERRED)
                .stream().distinct().toArray(String[]::new);
        quietHoursStart = details.quietHours() == null ? null : details.quietHours().from();
        quietHoursEnd = details.quietHours() == null ? null : details.quietHours().to();
        OptOuts optOuts = details.optOuts() != null ? details.optOuts() : OptOuts.NONE;
        optedOutChannels = optOuts.channels().stream().distinct().toArray(String[]::new);
        optedOutKinds = optOuts.kinds().stream().distinct().toArray(String[]::new);
        homeExercise = Boolean.TRUE.equals(details.homeExercise());
        updatedAt = now;
    }

    long version() {
        return version;
    }

    /** The patient declined this kind of message (one-click unsubscribe); false when already declined. */
    boolean optOutOf(String kind, OffsetDateTime now) {
        if (List.of(optedOutKinds).contains(kind)) {
            return false;
        }
        String[] more = java.util.Arrays.copyOf(optedOutKinds, optedOutKinds.length + 1);
        more[optedOutKinds.length] = kind;
        optedOutKinds = more;
        updatedAt = now;
        return true;
    }

    /** @throws ContactCipher.Unreadable when the stored ciphertext does not decrypt for this row */
    ContactView view(ContactCipher cipher) {
        return new ContactView(key.patientId(), email(cipher), phone(cipher).orElse(null), language, zone,
                List.of(preferredChannels), quietHours().orElse(null), optOuts(), homeExercise, version, updatedAt);
    }

    /** @throws ContactCipher.Unreadable when the stored ciphertext does not decrypt for this row */
    Contact contact(ContactCipher cipher) {
        return new Contact(email(cipher), phone(cipher), Languages.locale(language), ZoneId.of(zone),
                List.of(preferredChannels), quietHours(), optOuts(), homeExercise);
    }

    /** Channels, quiet hours, zone and opt-outs: everything but the addresses, so nothing is decrypted. */
    ContactPreferences preferences() {
        return new ContactPreferences(ZoneId.of(zone), List.of(preferredChannels), quietHours(), optOuts());
    }

    ContactKey key() {
        return key;
    }

    private String email(ContactCipher cipher) {
        return cipher.stored(keyId, ContactCipher.Field.EMAIL, key, emailCiphertext, legacyEmail)
                .orElseThrow(() -> new ContactCipher.Unreadable("no email ciphertext"));
    }

    private Optional<String> phone(ContactCipher cipher) {
        return cipher.stored(keyId, ContactCipher.Field.PHONE, key, phoneCiphertext, legacyPhone);
    }

    private Optional<QuietHours> quietHours() {
        return QuietHours.stored(quietHoursStart, quietHoursEnd);
    }

    private OptOuts optOuts() {
        return new OptOuts(List.of(optedOutChannels), List.of(optedOutKinds));
    }
}

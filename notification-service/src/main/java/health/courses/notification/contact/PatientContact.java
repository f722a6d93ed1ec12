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
    private String email;
    private String phone;
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

    ContactView view() {
        return new ContactView(key.patientId(), email, phone, language, zone, List.of(preferredChannels),
                quietHours().orElse(null), optOuts(), homeExercise, version, updatedAt);
    }

    Contact contact() {
        return new Contact(email, Optional.ofNullable(phone), Languages.locale(language), ZoneId.of(zone),
                List.of(preferredChannels), quietHours(), optOuts(), homeExercise);
    }

    private Optional<QuietHours> quietHours() {
        return quietHoursStart == null || quietHoursEnd == null ? Optional.empty()
                : Optional.of(new QuietHours(quietHoursStart, quietHoursEnd));
    }

    private OptOuts optOuts() {
        return new OptOuts(List.of(optedOutChannels), List.of(optedOutKinds));
    }
}

package health.courses.notification.settings;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import health.courses.notification.contact.QuietHours;

@Entity
@Table(name = "clinic_settings")
public class ClinicSettings {

    @Id
    @Column(name = "clinic_id")
    private UUID clinicId;
    @Column(name = "clinic_name")
    private String clinicName;
    @Column(name = "reminder_offsets")
    private String[] reminderOffsets;
    @Column(name = "quiet_hours_start")
    private LocalTime quietHoursStart;
    @Column(name = "quiet_hours_end")
    private LocalTime quietHoursEnd;
    @Column(name = "check_in_at")
    private LocalTime checkInAt;
    @Column(name = "check_in_after")
    private String checkInAfter;
    @Column(name = "follow_up_delay")
    private String followUpDelay;
    private String[] languages;
    @Column(name = "reply_to")
    private String replyTo;
    @Version
    private long version;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected ClinicSettings() {
    }

    static ClinicSettings create(UUID clinicId, SettingsDetails details, OffsetDateTime now) {
        ClinicSettings settings = new ClinicSettings();
        settings.clinicId = clinicId;
        settings.replace(details, now);
        return settings;
    }

    /** PUT semantics: what the clinic leaves out falls back to the default, not to the old value. */
    void replace(SettingsDetails details, OffsetDateTime now) {
        NotificationSettings defaults = NotificationSettings.DEFAULTS;
        clinicName = details.clinicName().strip();
        reminderOffsets = (details.reminderOffsets() != null ? details.reminderOffsets() : defaults.reminderOffsets())
                .stream().distinct().toArray(String[]::new);
        QuietHours quiet = details.quietHours() != null ? details.quietHours() : defaults.quietHours();
        quietHoursStart = quiet.from();
        quietHoursEnd = quiet.to();
        CheckInTiming checkIn = details.checkIn() != null ? details.checkIn() : defaults.checkIn();
        checkInAt = checkIn.nextDayAt();
        checkInAfter = checkIn.after();
        followUpDelay = details.followUpDelay() != null ? details.followUpDelay() : defaults.followUpDelay();
        languages = (details.languages() != null ? details.languages() : defaults.languages())
                .stream().distinct().toArray(String[]::new);
        replyTo = details.replyTo() == null || details.replyTo().isBlank() ? null : details.replyTo().strip();
        updatedAt = now;
    }

    /**
     * The version clients see: Hibernate counts a new row from 0, which is also the defaults' version, so a saved
     * row is one more. The defaults answer ETag "0", the first save "1", and each If-Match compares with this.
     */
    long version() {
        return version + 1;
    }

    NotificationSettings view() {
        return new NotificationSettings(clinicName, List.of(reminderOffsets), new QuietHours(quietHoursStart, quietHoursEnd),
                new CheckInTiming(checkInAt, checkInAfter), followUpDelay, List.of(languages), version(), updatedAt,
                replyTo);
    }
}

package health.courses.scheduling.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A clinic (the tenant). Its id is the token's clinic_id; its zone decides every session's wall-clock time. */
@Entity
@Table(name = "clinic")
public class Clinic {

    public static final String DEFAULT_NAME = "Clinic";
    public static final String DEFAULT_ZONE = "Europe/Berlin";
    /** Sessions are never on consecutive days: 44 h allows Mon 18:00 then Wed 14:00, but not Mon then Tue. */
    public static final int DEFAULT_MIN_GAP_HOURS = 44;

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String zone;

    @Column(name = "min_gap_hours", nullable = false)
    public int minGapHours;

    /** JSON list of {weekday, opens, closes}; read through {@link Clinics#openingHours(Clinic)}. */
    @Column(name = "opening_hours", nullable = false)
    public String openingHours;

    /** Issue 5: whether a missed session is made up at the end of the course. */
    @Column(name = "make_up_sessions", nullable = false)
    public boolean makeUpSessions;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}

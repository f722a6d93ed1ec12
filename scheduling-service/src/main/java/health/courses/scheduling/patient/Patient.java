package health.courses.scheduling.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/**
 * A patient as scheduling knows them: the clinic's own reference, zone and language. Names and contact details
 * are deliberately absent; notification-service keeps those under this patient's id.
 */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "external_reference", nullable = false)
    public String externalReference;

    @Column(nullable = false)
    public String zone;

    @Column(nullable = false)
    public String language;

    @Version
    public int version;
}

package health.courses.notification.contact;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A contact is always addressed through its clinic: the clinic id is part of the key, not a filter. */
@Embeddable
public record ContactKey(@Column(name = "clinic_id") UUID clinicId, @Column(name = "patient_id") UUID patientId) implements Serializable {
}

package health.courses.notification.patient;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** patient.registered.v1's data (scheduling's contract: ids and the time only). */
public record PatientRegistered(@NotNull UUID clinicId, @NotNull UUID patientId, @NotNull OffsetDateTime registeredAt) {

    public static final String TYPE = "patient.registered.v1";
}

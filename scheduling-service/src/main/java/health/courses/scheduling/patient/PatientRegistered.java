package health.courses.scheduling.patient;

import health.courses.scheduling.outbox.OutgoingEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * patient.registered.v1 (issue 19): tells notification-service which clinic a patient id belongs to, so it can answer
 * another clinic's calls on that id with 404. Ids and the time only: the external reference, zone and language stay
 * here. Published on treatment-course-events keyed by the patient id (a patient has no course yet; the key only has
 * to keep one patient's events together).
 */
public record PatientRegistered(UUID clinicId, UUID patientId, Instant registeredAt) {

    public static final String TYPE = "patient.registered.v1";
    static final String AGGREGATE = "patient";

    OutgoingEvent event() {
        return new OutgoingEvent(clinicId, AGGREGATE, patientId, TYPE, patientId.toString(), this);
    }
}

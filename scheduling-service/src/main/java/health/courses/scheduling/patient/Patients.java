package health.courses.scheduling.patient;

import health.courses.scheduling.audit.AuditTrail;
import health.courses.scheduling.clinic.ClinicClock;
import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.outbox.Outbox;
import health.courses.scheduling.problem.Conflict;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.ResourceNotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/** The clinic's patients, as far as scheduling needs them. */
@ApplicationScoped
public class Patients {

    private final Clinics clinics;
    private final PatientRepository patients;

    private final AuditTrail audit;
    private final Outbox outbox;
    private final ClinicClock clock;

    Patients(Clinics clinics, PatientRepository patients, AuditTrail audit, Outbox outbox, ClinicClock clock) {
        this.clinics = clinics;
        this.patients = patients;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Patient> add(UUID clinicId, NewPatient request) {
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.clinicId = clinicId;
        patient.externalReference = request.externalReference().strip();
        patient.zone = zone(request.zone()).getId();
        patient.language = Locale.forLanguageTag(request.language()).toLanguageTag();
        patient.version = 1;
        return clinics.current(clinicId)
                .flatMap(clinic -> patients.findByReference(clinicId, patient.externalReference))
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(new Conflict(Problem.of("external-reference-taken",
                                "External reference already used", 409, "Your clinic already has patient "
                                        + existing.id + " with external reference " + existing.externalReference)
                                .with("existingPatientId", existing.id)));
                    }
                    return patients.persist(patient);
                })
                // In the registration's transaction: notification-service learns the patient exactly when it exists.
                .call(added -> outbox.append(List.of(new PatientRegistered(clinicId, added.id,
                        clock.now().truncatedTo(ChronoUnit.MICROS)).event())))
                .call(added -> audit.record("patient.created", "patient", added.id));
    }

    @WithSession
    public Uni<Patient> find(UUID clinicId, UUID id) {
        return patients.findInClinic(clinicId, id).onItem().ifNull().failWith(() -> new ResourceNotFound("patient", id));
    }

    private static ZoneId zone(String zone) {
        try {
            ZoneId id = ZoneId.of(zone.strip());
            if (!(id instanceof ZoneOffset)) {
                return id;
            }
        } catch (DateTimeException ignored) {
            // reported below
        }
        throw new InvalidInput("zone", "zone", "must be an IANA time zone such as Europe/Berlin");
    }
}

package health.courses.notification.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import health.courses.notification.events.BatchSql;
import health.courses.notification.events.CloudEvent;
import health.courses.notification.events.EventData;
import io.smallrye.mutiny.Uni;

/**
 * Learns, from a consumed batch's new events, which clinic each patient and course belongs to: one statement per
 * batch, in the batch's transaction (so the inbox and what was learned commit together, and a redelivery learns
 * nothing twice). patient.registered.v1 is the registration itself; every course and session event names clinic,
 * patient and course too, which covers patients registered before patient.registered.v1 existed.
 * <p>
 * Scheduling is the authority: its event confirms a patient a contact PUT had claimed, moves a claim another clinic
 * made to the event's clinic, and drops the contact that other clinic stored under the id (it was never used: messages
 * go to the contact of the event's clinic). Rows are inserted in id order, so two batches sharing patients (a
 * patient's courses are on different partitions) lock them in the same order and never deadlock.
 */
@ApplicationScoped
public class PatientsLearned {

    private static final Logger LOG = Logger.getLogger(PatientsLearned.class);

    private static final String LEARN = """
            WITH patients AS (
                SELECT DISTINCT ON (patient_id) patient_id, clinic_id
                FROM unnest($1::uuid[], $2::uuid[]) AS learned (patient_id, clinic_id)
                ORDER BY patient_id),
            courses AS (
                SELECT DISTINCT ON (course_id) course_id, clinic_id
                FROM unnest($3::uuid[], $4::uuid[]) AS learned (course_id, clinic_id)
                ORDER BY course_id),
            new_patients AS (
                INSERT INTO clinic_patient (patient_id, clinic_id, confirmed)
                SELECT patient_id, clinic_id, true FROM patients ORDER BY patient_id
                ON CONFLICT (patient_id) DO NOTHING),
            confirmed AS (
                UPDATE clinic_patient claimed SET clinic_id = patients.clinic_id, confirmed = true, learned_at = now()
                FROM patients
                WHERE claimed.patient_id = patients.patient_id AND NOT claimed.confirmed),
            new_courses AS (
                INSERT INTO clinic_course (course_id, clinic_id)
                SELECT course_id, clinic_id FROM courses ORDER BY course_id
                ON CONFLICT (course_id) DO NOTHING),
            foreign_contacts AS (
                DELETE FROM patient_contact contact
                USING patients
                WHERE contact.patient_id = patients.patient_id AND contact.clinic_id <> patients.clinic_id
                RETURNING contact.clinic_id, contact.patient_id)
            SELECT cast(clinic_id AS text) || ' ' || cast(patient_id AS text) FROM foreign_contacts""";

    private final EventData data;

    PatientsLearned(EventData data) {
        this.data = data;
    }

    /** An owner an event names. */
    record Owner(UUID id, UUID clinicId) {
    }

    /**
     * Must run in the batch's transaction. A patient.registered.v1 whose data is not the contract's is a
     * PoisonEvent (the batch is then applied one event at a time and that record dead-lettered); other types' ids are
     * taken where present, their own handlers judge the rest of their data.
     */
    public Uni<Void> learn(List<CloudEvent> events) {
        List<Owner> patients = new ArrayList<>();
        List<Owner> courses = new ArrayList<>();
        for (CloudEvent event : events) {
            if (PatientRegistered.TYPE.equals(event.type())) {
                PatientRegistered registered = data.read(event, PatientRegistered.class);
                patients.add(new Owner(registered.patientId(), registered.clinicId()));
                continue;
            }
            if (event.data().value() instanceof EventData.Owners owners) {
                // read into its record already: the same ids the tree would give, without a second parse
                if (owners.clinicId() != null) {
                    Optional.ofNullable(owners.patientId())
                            .ifPresent(patient -> patients.add(new Owner(patient, owners.clinicId())));
                    Optional.ofNullable(owners.courseId())
                            .ifPresent(course -> courses.add(new Owner(course, owners.clinicId())));
                }
                continue;
            }
            JsonNode data = event.data().tree();
            Optional<UUID> clinic = id(data, "clinicId");
            if (clinic.isEmpty()) {
                continue;
            }
            id(data, "patientId").ifPresent(patient -> patients.add(new Owner(patient, clinic.get())));
            id(data, "courseId").ifPresent(course -> courses.add(new Owner(course, clinic.get())));
        }
        if (patients.isEmpty() && courses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // straight to the reactive client over the batch's transaction: no query interpretation per batch
        return BatchSql.select(LEARN, ids(patients, Owner::id), ids(patients, Owner::clinicId), ids(courses, Owner::id),
                ids(courses, Owner::clinicId))
                .invoke(dropped -> dropped.forEach(contact -> LOG.warnf("Dropped the contact clinic/patient %s: "
                        + "scheduling registered that patient id in another clinic", contact[0])))
                .replaceWithVoid();
    }

    private static UUID[] ids(List<Owner> owners, java.util.function.Function<Owner, UUID> id) {
        return owners.stream().map(id).toArray(UUID[]::new);
    }

    private static Optional<UUID> id(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.asText()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}

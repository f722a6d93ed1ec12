package health.courses.notification.patient;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.problem.NotFound;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Which clinic a patient id and a course id belong to, as scheduling-service's events told this service
 * ({@link PatientsLearned}). A clinic's call on another clinic's id answers 404, with the same problem as an id nobody
 * has: a clinic cannot tell "not yours" from "not there". One indexed read per call, on the reactive pool, outside
 * the operation's own transaction (the owner of an id never changes once scheduling named it).
 */
@ApplicationScoped
public class ClinicPatients {

    static final String NO_PATIENT = "No such patient in your clinic";
    static final String NO_COURSE = "No such course in your clinic";
    private static final String PATIENT_OWNER = "SELECT clinic_id FROM clinic_patient WHERE patient_id = $1";
    private static final String COURSE_OWNER = "SELECT clinic_id FROM clinic_course WHERE course_id = $1";

    /**
     * Claims an unknown id for the caller (not confirmed) and answers the owner either way, in one statement. If the
     * insert took the id, the second branch (same snapshot) sees no row; if another call had it, only that one shows.
     */
    private static final String CLAIM = """
            WITH claimed AS (
                INSERT INTO clinic_patient (patient_id, clinic_id, confirmed) VALUES ($1, $2, false)
                ON CONFLICT (patient_id) DO NOTHING
                RETURNING clinic_id)
            SELECT clinic_id FROM claimed
            UNION ALL
            SELECT clinic_id FROM clinic_patient WHERE patient_id = $1""";

    private final Pool pool;

    ClinicPatients(Pool pool) {
        this.pool = pool;
    }

    /** 404 unless the patient is known as the caller's (a patient's notifications). */
    public Uni<Void> requirePatient(UUID clinicId, UUID patientId) {
        return requireOwner(clinicId, PATIENT_OWNER, patientId, NO_PATIENT);
    }

    /**
     * 404 with {@code detail} when the patient is known as another clinic's; an id not known yet passes (its reads
     * find nothing of anyone's, because every row is also keyed by the caller's clinic).
     */
    public Uni<Void> requireNotAnothers(UUID clinicId, UUID patientId, String detail) {
        return owner(PATIENT_OWNER, Tuple.of(patientId))
                .invoke(owner -> {
                    if (owner != null && !clinicId.equals(owner)) {
                        throw new NotFound(detail);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Before a write keyed by the patient (the contact): 404 for another clinic's patient; an id no event has named
     * yet is claimed for the caller, because a clinic puts the contact right after registering the patient, usually
     * before patient.registered.v1 is consumed. The registration then confirms the claim, or, if scheduling says the
     * id is another clinic's, moves it and drops what the claimant stored ({@link PatientsLearned}).
     */
    public Uni<Void> claim(UUID clinicId, UUID patientId) {
        return requireOwner(clinicId, CLAIM, Tuple.of(patientId, clinicId), NO_PATIENT);
    }

    /** 404 unless the course is known as the caller's (a course's check-ins). */
    public Uni<Void> requireCourse(UUID clinicId, UUID courseId) {
        return requireOwner(clinicId, COURSE_OWNER, courseId, NO_COURSE);
    }

    /** 404 with {@code detail} unless {@code sql}, given {@code id}, names the caller's clinic as the owner. */
    private Uni<Void> requireOwner(UUID clinicId, String sql, UUID id, String detail) {
        return requireOwner(clinicId, sql, Tuple.of(id), detail);
    }

    private Uni<Void> requireOwner(UUID clinicId, String sql, Tuple arguments, String detail) {
        return owner(sql, arguments).invoke(owner -> {
            if (!clinicId.equals(owner)) {
                throw new NotFound(detail);
            }
        }).replaceWithVoid();
    }

    private Uni<UUID> owner(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(ClinicPatients::first);
    }

    private static UUID first(RowSet<Row> rows) {
        var found = rows.iterator();
        return found.hasNext() ? found.next().getUUID("clinic_id") : null;
    }
}

package health.courses.scheduling.evaluation;

import health.courses.scheduling.api.Cursor;
import health.courses.scheduling.api.Page;
import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.audit.AuditTrail;
import health.courses.scheduling.clinic.ClinicClock;
import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.patient.PatientRepository;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.ResourceNotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Clinical evaluations: recorded by clinicians, read by the booking gate. */
@ApplicationScoped
public class Evaluations {

    private final Clinics clinics;
    private final PatientRepository patients;
    private final EvaluationRepository evaluations;
    private final ClinicClock clock;

    private final AuditTrail audit;

    Evaluations(Clinics clinics, PatientRepository patients, EvaluationRepository evaluations, ClinicClock clock,
            AuditTrail audit) {
        this.clinics = clinics;
        this.patients = patients;
        this.evaluations = evaluations;
        this.clock = clock;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Evaluation> add(UUID clinicId, UUID patientId, String recordedBy, NewEvaluation request) {
        return clinics.current(clinicId)
                .call(clinic -> patients.findInClinic(clinicId, patientId)
                        .onItem().ifNull().failWith(() -> new ResourceNotFound("patient", patientId)))
                .flatMap(clinic -> {
                    LocalDate today = clock.today(clinic.zoneId());
                    if (request.date().isAfter(today)) {
                        throw new InvalidInput("date", "past-or-present",
                                "must not be after today (" + today + " in the clinic's zone)");
                    }
                    Evaluation evaluation = new Evaluation();
                    evaluation.id = UUID.randomUUID();
                    evaluation.clinicId = clinicId;
                    evaluation.patientId = patientId;
                    evaluation.evaluatedOn = request.date();
                    evaluation.clinician = request.clinician().strip();
                    evaluation.findings = Evaluation.findingsColumn(request.findings());
                    evaluation.recordedBy = recordedBy;
                    evaluation.version = 1;
                    evaluation.createdAt = clock.now().truncatedTo(ChronoUnit.MICROS);
                    return evaluations.persist(evaluation);
                })
                .call(added -> audit.record("evaluation.recorded", "evaluation", added.id));
    }

    @WithSession
    public Uni<Page<EvaluationView>> list(UUID clinicId, UUID patientId, PageRequest page) {
        Cursor after = Cursor.decode(page.cursor(), 3);
        return patients.findInClinic(clinicId, patientId)
                .onItem().ifNull().failWith(() -> new ResourceNotFound("patient", patientId))
                .flatMap(patient -> evaluations.pageOfPatient(clinicId, patientId, after, page.fetchSize()))
                .map(found -> Page.of(found, page, EvaluationView::of, last -> Cursor.encode(
                        last.evaluatedOn.toString(), last.createdAt.toString(), last.id.toString())));
    }
}

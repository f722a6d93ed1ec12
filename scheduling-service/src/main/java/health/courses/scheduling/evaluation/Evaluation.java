package health.courses.scheduling.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A clinical evaluation of a patient: the gate a course must pass before it is scheduled. */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "evaluated_on", nullable = false)
    public LocalDate evaluatedOn;

    @Column(nullable = false)
    public String clinician;

    /** Comma-separated finding codes. */
    @Column(nullable = false)
    public String findings;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<Finding> findingList() {
        return findings.isEmpty() ? List.of() : Arrays.stream(findings.split(",")).map(Finding::ofCode).toList();
    }

    public static String findingsColumn(List<Finding> findings) {
        return findings.stream().distinct().map(Finding::code).collect(Collectors.joining(","));
    }
}

package health.courses.notification.checkin;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An answer and its decision as stored, once per check-in. */
@Entity
@Table(name = "check_in_answer")
public class AnswerRecord {

    @Id
    @Column(name = "check_in_id")
    private UUID checkInId;
    private int pain;
    @Column(name = "pain_sites")
    private String[] painSites;
    private String urination;
    @Column(name = "erectile_difficulty")
    private boolean erectileDifficulty;
    private boolean irritation;
    private String note;
    private String severity;
    @Column(name = "rule_version")
    private int ruleVersion;
    private String[] reasons;
    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    protected AnswerRecord() {
    }

    static AnswerRecord of(UUID checkInId, Answer answer, Decision decision, OffsetDateTime answeredAt) {
        AnswerRecord record = new AnswerRecord();
        record.checkInId = checkInId;
        record.pain = answer.pain();
        record.painSites = answer.painSites().toArray(String[]::new);
        record.urination = answer.urination();
        record.erectileDifficulty = answer.erectileDifficulty();
        record.irritation = answer.irritation();
        record.note = answer.note();
        record.severity = decision.severity().code();
        record.ruleVersion = decision.ruleVersion();
        record.reasons = decision.reasons().toArray(String[]::new);
        record.answeredAt = answeredAt;
        return record;
    }

    public UUID checkInId() {
        return checkInId;
    }

    public Answer answer() {
        return new Answer(pain, List.of(painSites), urination, erectileDifficulty, irritation, note);
    }

    public Decision decision() {
        return new Decision(Severity.of(severity), ruleVersion, Arrays.asList(reasons));
    }

    public OffsetDateTime answeredAt() {
        return answeredAt;
    }
}

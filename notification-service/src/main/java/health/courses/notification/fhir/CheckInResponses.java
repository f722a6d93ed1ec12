package health.courses.notification.fhir;

import health.courses.notification.checkin.Answer;
import health.courses.notification.checkin.AnswerRecord;
import health.courses.notification.checkin.CheckIn;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Answered check-ins of the caller's clinic as QuestionnaireResponses: the id is the check-in's id (the REST API's
 * {@code /api/v1/courses/{id}/check-ins} item), the answers those the patient gave, nothing written here.
 */
@ApplicationScoped
public class CheckInResponses {

    /** A search answers at most this many, the most recently answered first. */
    static final int LIMIT = 100;

    record Answered(CheckIn checkIn, AnswerRecord answer) {
    }

    Uni<Optional<Answered>> find(UUID clinicId, UUID checkInId) {
        return answered(" and c.id = :id", clinicId, Map.of("id", checkInId)).map(found -> found.stream().findFirst());
    }

    /** By patient, by course, or both; null leaves one out. */
    Uni<List<Answered>> search(UUID clinicId, UUID patientId, UUID courseId) {
        Map<String, UUID> values = new LinkedHashMap<>();
        if (patientId != null) {
            values.put("patient", patientId);
        }
        if (courseId != null) {
            values.put("course", courseId);
        }
        return answered((patientId == null ? "" : " and c.patientId = :patient")
                + (courseId == null ? "" : " and c.courseId = :course"), clinicId, values);
    }

    /** Only what has an answer is a response; the clinic is part of every query, so another clinic's ids find none. */
    private static Uni<List<Answered>> answered(String where, UUID clinicId, Map<String, UUID> values) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery("select c, a from CheckIn c, AnswerRecord a where a.checkInId = c.id"
                    + " and c.clinicId = :clinic" + where + " order by a.answeredAt desc, c.id", Object[].class)
                    .setParameter("clinic", clinicId).setMaxResults(LIMIT);
            values.forEach((name, value) -> query.setParameter(name, value));
            return query.getResultList();
        })).map(rows -> rows.stream().map(row -> new Answered((CheckIn) row[0], (AnswerRecord) row[1])).toList());
    }

    static QuestionnaireResponse of(Answered answered) {
        CheckIn checkIn = answered.checkIn();
        Answer answer = answered.answer().answer();
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(checkIn.id().toString());
        response.setQuestionnaire(CheckInQuestionnaire.canonical(answered.answer().decision().ruleVersion()));
        response.setStatus(QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(new Reference("Patient/" + checkIn.patientId()));
        response.addBasedOn(new Reference("ServiceRequest/" + checkIn.courseId()));
        response.setAuthored(Date.from(answered.answer().answeredAt().toInstant()));
        for (CheckInQuestionnaire.Question question : CheckInQuestionnaire.QUESTIONS) {
            List<Type> values = values(question, answer);
            if (!values.isEmpty()) {
                QuestionnaireResponseItemComponent item = response.addItem().setLinkId(question.linkId())
                        .setText(question.text().en());
                values.forEach(value -> item.addAnswer().setValue(value));
            }
        }
        return response;
    }

    private static List<Type> values(CheckInQuestionnaire.Question question, Answer answer) {
        return switch (question.linkId()) {
            case "pain" -> List.of(new IntegerType(answer.pain()));
            case "painSites" -> answer.painSites().stream().map(site -> coding(question, site)).toList();
            case "urination" -> List.of(coding(question, answer.urination()));
            case "erectileDifficulty" -> List.of(new BooleanType(answer.erectileDifficulty()));
            case "irritation" -> List.of(new BooleanType(answer.irritation()));
            case "note" -> answer.note() == null ? List.of() : List.of(new StringType(answer.note()));
            default -> throw new IllegalStateException("a question without an answer field: " + question.linkId());
        };
    }

    private static Type coding(CheckInQuestionnaire.Question question, String code) {
        String display = question.options().stream().filter(option -> option.code().equals(code))
                .map(option -> option.display().en()).findFirst().orElse(null);
        return new Coding(question.system(), code, display);
    }
}

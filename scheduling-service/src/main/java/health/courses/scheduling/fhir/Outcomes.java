package health.courses.scheduling.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.Problem;
import health.courses.scheduling.problem.ProblemException;
import health.courses.scheduling.problem.ValidationProblems;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;

/**
 * Refusals as OperationOutcome. Every refusal of the services is a Problem; it is translated here generically, so
 * a Problem type added later (start-date-in-past, say) reaches a FHIR client with its meaning: the type is the
 * first issue's details code, {@code errors} become one issue each with the field as expression, {@code conflicts}
 * one issue per session that cannot be booked, and every other member rides on the first issue as an extension.
 */
@Singleton
public class Outcomes {

    /** The Problem type URIs, read as a code system: the code is the type's last segment (slot-taken, ...). */
    public static final String PROBLEM_SYSTEM = "https://courses.health/problems";
    public static final String MEMBER_EXTENSION = FhirCodes.BASE + "/StructureDefinition/problem-member";
    public static final String REASON_SYSTEM = FhirCodes.BASE + "/CodeSystem/unschedulable-reason";
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance", "errors",
            "conflicts");

    /** The REST API's mapper names each field and rule; reused so both APIs refuse alike. */
    private static final ValidationProblems VALIDATION = new ValidationProblems();

    private final FhirJson fhir;
    private final ObjectMapper json;

    Outcomes(FhirJson fhir, ObjectMapper json) {
        this.fhir = fhir;
        this.json = json;
    }

    /**
     * Runs a FHIR interaction and answers its refusals as OperationOutcome; {@code fields} names the FHIR path of
     * each REST field a refusal may name (patientId → ServiceRequest.subject), the rest keep their REST name.
     */
    public Uni<Response> answer(Map<String, String> fields, Supplier<Uni<Response>> interaction) {
        return Uni.createFrom().<Response>deferred(interaction::get)
                .onFailure(ProblemException.class)
                .recoverWithItem(refusal -> of(((ProblemException) refusal).problem(), fields))
                .onFailure(InvalidInput.class)
                .recoverWithItem(invalid -> of(ValidationProblems.problem(((InvalidInput) invalid).errors()), fields))
                .onFailure(ConstraintViolationException.class)
                .recoverWithItem(invalid -> of((Problem) VALIDATION.violations((ConstraintViolationException) invalid)
                        .getEntity(), fields));
    }

    public Response of(Problem problem, Map<String, String> fields) {
        OperationOutcome outcome = outcome(problem, fields);
        return Response.status(problem.status()).type(FhirJson.MEDIA_TYPE).entity(fhir.write(outcome)).build();
    }

    @SuppressWarnings("unchecked")
    OperationOutcome outcome(Problem problem, Map<String, String> fields) {
        Map<String, Object> members = json.convertValue(problem, Map.class);
        IssueType code = code(problem.status());
        String type = problem.type().toString();
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent first = outcome.addIssue().setSeverity(IssueSeverity.ERROR)
                .setCode(code)
                .setDetails(new CodeableConcept(new Coding(PROBLEM_SYSTEM, type.substring(type.lastIndexOf('/') + 1),
                        problem.title())).setText(problem.title()))
                .setDiagnostics(problem.detail());
        members.forEach((name, value) -> {
            if (!STANDARD.contains(name) && value != null) {
                Extension member = new Extension(MEMBER_EXTENSION);
                member.addExtension(new Extension("name", new StringType(name)));
                member.addExtension(new Extension("value", new StringType(text(value))));
                first.addExtension(member);
            }
        });
        if (members.get("errors") instanceof List<?> errors) {
            for (Object each : errors) {
                Map<String, Object> error = (Map<String, Object>) each;
                String field = String.valueOf(error.get("field"));
                outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code)
                        .setDetails(new CodeableConcept(new Coding(PROBLEM_SYSTEM + "/rules",
                                String.valueOf(error.get("rule")), null)).setText(String.valueOf(error.get("message"))))
                        .addExpression(fields.getOrDefault(field, field));
            }
        }
        if (members.get("conflicts") instanceof List<?> conflicts) {
            for (Object each : conflicts) {
                Map<String, Object> conflict = (Map<String, Object>) each;
                CodeableConcept reasons = new CodeableConcept();
                for (Object reason : (List<Object>) conflict.getOrDefault("reasons", List.of())) {
                    reasons.addCoding(new Coding(REASON_SYSTEM, reason.toString(), null));
                }
                reasons.setText("session " + conflict.get("number") + " at " + conflict.get("start"));
                outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code).setDetails(reasons)
                        .setDiagnostics("session " + conflict.get("number") + " at " + conflict.get("start") + " ("
                                + String.join(", ", (List<String>) conflict.getOrDefault("reasons", List.of()))
                                + "); alternatives: "
                                + String.join(", ", (List<String>) conflict.getOrDefault("alternatives", List.of())));
            }
        }
        return outcome;
    }

    private String text(Object value) {
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return String.join(",", list.stream().map(String.class::cast).toList());
        }
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** The HTTP status says which family the refusal is in; the issue types of R4 name the same families. */
    static IssueType code(int status) {
        return switch (status) {
            case 400 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 409, 412 -> IssueType.CONFLICT;
            case 413 -> IssueType.TOOLONG;
            case 422 -> IssueType.BUSINESSRULE;
            case 429 -> IssueType.THROTTLED;
            default -> IssueType.EXCEPTION;
        };
    }
}

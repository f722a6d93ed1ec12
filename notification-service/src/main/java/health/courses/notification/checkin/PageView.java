package health.courses.notification.checkin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What the patient's page shows: the form (again with the entries and what to correct after a bad submit), the
 * confirmation with advice fitting the decision, or why the link no longer works.
 *
 * @param values the submitted entries by field name, to fill the form again
 * @param invalid the fields to correct
 */
public record PageView(String state, String clinicName, String action, String severity,
        Map<String, List<String>> values, Set<String> invalid) {

    static final List<Integer> PAIN_SCALE = IntStream.rangeClosed(0, 10).boxed().toList();

    static PageView form(String clinicName, String action) {
        return new PageView("form", clinicName, action, null, Map.of(), Set.of());
    }

    static PageView correct(String clinicName, String action, Map<String, List<String>> values, Set<String> invalid) {
        return new PageView("form", clinicName, action, null, values, invalid);
    }

    static PageView of(Visit visit) {
        String severity = visit.decision() == null ? null : visit.decision().severity().code();
        String state = switch (visit.status()) {
            case ANSWERED_NOW -> "confirmation";
            case ANSWERED_BEFORE -> "answered-before";
            case EXPIRED -> "expired";
            case NOT_FOUND -> "not-found";
            case OPEN -> "form";
        };
        return new PageView(state, visit.clinicName(), null, severity, Map.of(), Set.of());
    }

    public boolean isForm() {
        return "form".equals(state);
    }

    public boolean isConfirmation() {
        return "confirmation".equals(state);
    }

    public boolean isAnsweredBefore() {
        return "answered-before".equals(state);
    }

    public boolean isExpired() {
        return "expired".equals(state);
    }

    public boolean isNotFound() {
        return "not-found".equals(state);
    }

    public boolean isUrgent() {
        return "urgent".equals(severity);
    }

    public boolean isReview() {
        return "review".equals(severity);
    }

    public boolean hasErrors() {
        return !invalid.isEmpty();
    }

    public boolean invalid(String field) {
        return invalid.contains(field);
    }

    public List<Integer> painScale() {
        return PAIN_SCALE;
    }

    /** {@code checked} when the entry was chosen before, for re-showing a corrected form. */
    public String checked(String field, String value) {
        return values.getOrDefault(field, List.of()).contains(value) ? "checked" : "";
    }

    public String checkedPain(Integer value) {
        return checked("pain", String.valueOf(value));
    }

    public String note() {
        return values.getOrDefault("note", List.of()).stream().findFirst().orElse("");
    }
}

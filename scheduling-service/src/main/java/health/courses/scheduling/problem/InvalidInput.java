package health.courses.scheduling.problem;

import java.util.List;

/** Input that passed JSON binding but breaks a rule checked in code (for example a malformed id in a path). */
public final class InvalidInput extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(null, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String rule, String message) {
        this(List.of(new FieldError(field, rule, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

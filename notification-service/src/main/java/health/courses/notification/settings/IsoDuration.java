package health.courses.notification.settings;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO-8601 duration such as {@code PT24H}, positive and at most 14 days: a reminder weeks ahead reminds
 * nobody, and a zero or negative one would fall at or after the session start.
 */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = IsoDuration.Validator.class)
public @interface IsoDuration {

    String message() default "must be an ISO-8601 duration between PT1S and P14D, e.g. PT24H";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Duration MAX = Duration.ofDays(14);

    class Validator implements ConstraintValidator<IsoDuration, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                Duration duration = Duration.parse(value);
                return !duration.isNegative() && !duration.isZero() && duration.compareTo(MAX) <= 0;
            } catch (DateTimeParseException notIso) {
                return false;
            }
        }
    }
}

package health.courses.scheduling.course;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Objects;

/** Given weekdays must be distinct and as many as the sessions per week; reported against {@code weekdays}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentWeekdays.Validator.class)
public @interface ConsistentWeekdays {

    String message() default "must list as many distinct days as sessionsPerWeek";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentWeekdays, BookCourseRequest> {

        @Override
        public boolean isValid(BookCourseRequest request, ConstraintValidatorContext context) {
            if (request == null || request.weekdays() == null || request.sessionsPerWeek() == null
                    || request.weekdays().stream().anyMatch(Objects::isNull)) {
                return true;
            }
            boolean distinct = new HashSet<>(request.weekdays()).size() == request.weekdays().size();
            if (distinct && request.weekdays().size() == request.sessionsPerWeek()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                    "must list " + request.sessionsPerWeek() + " distinct days (as many as sessionsPerWeek)")
                    .addPropertyNode("weekdays").addConstraintViolation();
            return false;
        }
    }
}

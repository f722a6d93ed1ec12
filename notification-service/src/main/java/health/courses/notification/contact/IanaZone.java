package health.courses.notification.contact;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A region zone id such as {@code Europe/Berlin}. Fixed offsets are refused: they do not follow daylight
 * saving, so a patient's times would drift by an hour twice a year.
 */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = IanaZone.Validator.class)
public @interface IanaZone {

    String message() default "must be an IANA time zone such as Europe/Berlin";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IanaZone, String> {

        /** Read once: {@link ZoneId#getAvailableZoneIds()} copies its ~600 ids on every call. */
        private static final java.util.Set<String> ZONES = java.util.Set.copyOf(ZoneId.getAvailableZoneIds());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ZONES.contains(value);
        }

        /** A region zone id this JVM knows (not null, not blank, not a fixed offset). */
        public static boolean known(String value) {
            return value != null && ZONES.contains(value);
        }
    }
}

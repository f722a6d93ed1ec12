package health.courses.scheduling.fhir;

import health.courses.scheduling.problem.InvalidInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.Set;
import java.util.UUID;

/**
 * The REST request records carry the Bean Validation rules; a FHIR resource is turned into the same record and
 * checked against the same rules, so both APIs refuse the same input with the same field and rule.
 */
@Singleton
public class FhirInput {

    private final Validator validator;

    FhirInput(Validator validator) {
        this.validator = validator;
    }

    <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    static UUID lastSegment(URI location) {
        String path = location.getPath();
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    /** A reference's id as a UUID, or a 400 naming the field when it is absent, of another type or malformed. */
    static UUID id(String field, String id) {
        if (id == null) {
            throw new InvalidInput(field, "required", "must be given");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "reference", "must reference a resource of this service by its id");
        }
    }

}

package health.courses.scheduling.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bad input of any kind answers 400 with every offending field and the rule it broke: Bean Validation violations,
 * JSON that does not bind (a malformed UUID, an unknown weekday, a wrong type) and JSON that does not parse.
 */
public class ValidationProblems {

    static final String BODY = "body";

    /** Quarkus ships a plain-JSON mapper for its own subclass at the default priority; ours must win the tie. */
    @ServerExceptionMapper(value = { ConstraintViolationException.class, ResteasyReactiveViolationException.class },
            priority = Priorities.USER - 1)
    public Response violations(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(ValidationProblems::fieldError)
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::rule))
                .toList();
        return problem(errors).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e) {
        return problem(e.errors()).toResponse();
    }

    /** Named one by one because Quarkus ships plain-JSON mappers for the more specific Jackson exceptions. */
    @ServerExceptionMapper(value = { JsonProcessingException.class, JsonParseException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class },
            priority = Priorities.USER - 1)
    public Response unreadableJson(JsonProcessingException e) {
        return problem(List.of(fromJson(e))).toResponse();
    }

    public static Problem problem(List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
        return Problem.of("validation", "The request is not valid", Status.BAD_REQUEST, detail).with("errors", errors);
    }

    /** Names the field a JSON binding error is about; JSON that does not even parse is reported against the body. */
    public static FieldError fromJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            if (mapping instanceof InvalidFormatException format) {
                return new FieldError(field, "format", expected(format.getTargetType()));
            }
            return new FieldError(field, "type", "has the wrong JSON type");
        }
        return new FieldError(BODY, "json", "is not well-formed JSON");
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? BODY : field.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has an invalid value";
        }
        if (UUID.class.equals(type)) {
            return "must be a UUID";
        }
        if (LocalDate.class.equals(type)) {
            return "must be a date like 2027-03-29, " + Dates.RANGE;
        }
        if (String.class.equals(type)) {
            return "must not contain NUL characters";
        }
        if (LocalTime.class.equals(type)) {
            return "must be a local time like 10:00";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a whole number";
        }
        return "has an invalid value";
    }

    private static FieldError fieldError(ConstraintViolation<?> violation) {
        return new FieldError(field(violation.getPropertyPath()),
                rule(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()),
                violation.getMessage());
    }

    /** Drops the method and parameter nodes of a REST method's validation path: clients know fields, not Java. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? BODY : field.toString();
    }

    /** NotNull becomes not-null: a stable, readable rule name derived from the constraint. */
    private static String rule(String constraint) {
        return constraint.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}

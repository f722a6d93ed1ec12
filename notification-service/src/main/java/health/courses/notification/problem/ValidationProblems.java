package health.courses.notification.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bad input, whether it breaks a constraint or is not even JSON: always a 400 naming the fields. */
public class ValidationProblems {

    private static final String BODY = "body";

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolated(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(ValidationProblems::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::rule))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return Problem.validation("Invalid value for: " + fields, errors).response();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidCursor(InvalidCursor exception) {
        var error = new Problem.FieldError("cursor", "cursor", "must be a nextCursor from a previous page");
        return Problem.validation(exception.getMessage(), List.of(error)).response();
    }

    // Jackson's own mappers would answer these with a bare 400; the closer-typed mapper here wins.
    @ServerExceptionMapper(value = { JsonProcessingException.class, JsonMappingException.class,
            com.fasterxml.jackson.core.JsonParseException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class })
    public RestResponse<Problem> unreadable(JsonProcessingException exception) {
        return notJson(exception);
    }

    private static RestResponse<Problem> notJson(JsonProcessingException exception) {
        String field = exception instanceof JsonMappingException mapping ? jsonPath(mapping) : BODY;
        // The parser's own message quotes the input, which may hold contact data.
        var error = new Problem.FieldError(field, "json", "must be well-formed JSON of the documented shape");
        return Problem.validation("The request body could not be read as JSON", List.of(error)).response();
    }

    /** A 400 raised by JAX-RS itself: an unreadable body, or a parameter that does not convert. */
    static RestResponse<Problem> badRequest(Throwable cause) {
        if (cause instanceof JsonProcessingException unreadable) {
            return notJson(unreadable);
        }
        var error = new Problem.FieldError(BODY, "readable", "must be a request of the documented shape");
        return Problem.validation("The request could not be read", List.of(error)).response();
    }

    private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        String rule = kebab(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());
        return new Problem.FieldError(field(violation), rule, violation.getMessage());
    }

    /**
     * A query parameter (limit, cursor, ...) is named as the client sent it; a request body that is missing
     * altogether (its parameter's @NotNull) stays {@code body}.
     */
    private static String field(ConstraintViolation<?> violation) {
        String field = field(violation.getPropertyPath());
        if (!BODY.equals(field)
                || violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull) {
            return field;
        }
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
        }
        return parameter != null ? parameter : field;
    }

    /** The JSON name of the offending property: the last bean node, or the whole body for a missing body. */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                names.add(node.getName());
            }
            // A list element is named by its position, e.g. reminderOffsets[1], as a client would point at it.
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            }
        }
        return names.isEmpty() ? BODY : String.join(".", names);
    }

    private static String jsonPath(JsonMappingException exception) {
        String path = exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("."));
        return path.isEmpty() ? BODY : path;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}

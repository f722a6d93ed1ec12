package health.courses.scheduling.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import health.courses.scheduling.course.Unschedulable;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * An RFC 9457 Problem Details body. Extension members (such as {@code errors} or {@code conflicts}) are
 * flattened beside the standard members, as the RFC asks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance" })
@Schema(name = "Problem", description = "RFC 9457 Problem Details; members beside the standard ones depend on the type",
        properties = {
                @SchemaProperty(name = "errors", type = SchemaType.ARRAY, implementation = FieldError.class,
                        description = "validation and unknown-reference: each offending field and the rule it broke"),
                @SchemaProperty(name = "conflicts", type = SchemaType.ARRAY, implementation = Unschedulable.class,
                        description = "slot-taken and course-not-schedulable: each session that cannot be booked, why, and alternatives"),
                @SchemaProperty(name = "findings", type = SchemaType.ARRAY, implementation = String.class,
                        description = "contraindicated: the contraindicated finding codes", example = "[\"acute-prostatitis\"]"),
                @SchemaProperty(name = "evaluationDate", type = SchemaType.STRING, format = "date",
                        description = "evaluation-expired: the date of the newest evaluation"),
                @SchemaProperty(name = "maxAgeDays", type = SchemaType.INTEGER,
                        description = "evaluation-expired: how old an evaluation may be at the course start"),
                @SchemaProperty(name = "currentVersion", type = SchemaType.INTEGER,
                        description = "version-mismatch: the version to send as If-Match after reading again"),
                @SchemaProperty(name = "currentStatus", type = SchemaType.STRING,
                        description = "illegal-transition and session-not-started: the status the course or session is in"),
                @SchemaProperty(name = "resource", type = SchemaType.STRING,
                        description = "illegal-transition: course or session, whichever refused the change"),
                @SchemaProperty(name = "existingPatientId", type = SchemaType.STRING, format = "uuid",
                        description = "external-reference-taken: the patient that already has the reference"),
                @SchemaProperty(name = "patientId", type = SchemaType.STRING, format = "uuid",
                        description = "evaluation-required: the patient without an evaluation"),
                @SchemaProperty(name = "evaluationId", type = SchemaType.STRING, format = "uuid",
                        description = "evaluation-expired and contraindicated: the evaluation that decided"),
                @SchemaProperty(name = "validUntil", type = SchemaType.STRING, format = "date",
                        description = "evaluation-expired: the last course start the evaluation allowed"),
                @SchemaProperty(name = "minGapHours", type = SchemaType.INTEGER,
                        description = "sessions-too-close: the clinic's minimum hours between two starts"),
                @SchemaProperty(name = "pairs", type = SchemaType.ARRAY, implementation = TooClosePair.class,
                        description = "sessions-too-close: each pair of sessions that start too close together"),
                @SchemaProperty(name = "start", type = SchemaType.STRING,
                        description = "session-not-started: when the session starts, with the clinic zone's offset"),
                @SchemaProperty(name = "earliestStart", type = SchemaType.STRING,
                        description = "start-date-in-past: the earliest start a booking may have, with the clinic zone's offset"),
                @SchemaProperty(name = "retryAfterSeconds", type = SchemaType.INTEGER,
                        description = "rate-limited: seconds until a retry may succeed (also Retry-After)") })
public record Problem(
        @Schema(example = "https://courses.health/problems/validation") URI type,
        @Schema(example = "The request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "sessionsPerWeek: must be 2 or 3") String detail,
        String instance,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://courses.health/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(String cause, String title, Response.StatusType status, String detail) {
        return of(cause, title, status.getStatusCode(), detail);
    }

    public static Problem of(String cause, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + cause), title, status, detail, null, Map.of());
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, more);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}

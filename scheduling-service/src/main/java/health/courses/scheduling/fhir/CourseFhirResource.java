package health.courses.scheduling.fhir;

import health.courses.scheduling.api.CreationLimits;
import health.courses.scheduling.api.Idempotency;
import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.course.BookCourseRequest;
import health.courses.scheduling.course.Courses;
import health.courses.scheduling.problem.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * A course as a ServiceRequest, booked with {@code $book-course}: the same {@link Courses#book} as POST
 * /api/v1/courses (same rules, transaction, events, audit and idempotency), answered as a Bundle of the
 * ServiceRequest and one Appointment per session.
 */
@Path("/fhir/r4/ServiceRequest")
@Produces(FhirJson.MEDIA_TYPE)
@Tag(name = "FHIR R4")
public class CourseFhirResource {

    static final String BOOK_COURSE = "book-course";

    private final Courses courses;
    private final Caller caller;
    private final CreationLimits limits;
    private final FhirJson fhir;
    private final Outcomes outcomes;
    private final FhirInput input;

    CourseFhirResource(Courses courses, Caller caller, CreationLimits limits, FhirJson fhir, Outcomes outcomes,
            FhirInput input) {
        this.courses = courses;
        this.caller = caller;
        this.limits = limits;
        this.fhir = fhir;
        this.outcomes = outcomes;
        this.input = input;
    }

    @POST
    @Path("/$" + BOOK_COURSE)
    @Consumes({ FhirJson.MEDIA_TYPE, "application/json" })
    @RolesAllowed(Roles.BOOKING)
    @Operation(summary = "FHIR operation $book-course: book a whole course, every session or none",
            description = "Input: a Parameters resource whose parameter `request` holds the ServiceRequest (or the "
                    + "ServiceRequest itself). subject = Patient/{id}, performer[0] = Practitioner/{id}, "
                    + "locationReference[0] = Location/{id}, occurrenceTiming.repeat: frequency 2 or 3 per period 1 wk, "
                    + "boundsPeriod start (first day) and end (4 to 8 weeks later), dayOfWeek, timeOfDay, duration in min. "
                    + "Output: a collection Bundle with the ServiceRequest and one Appointment per session (booked, "
                    + "basedOn the ServiceRequest). Refusals: an OperationOutcome with the REST API's status and Problem "
                    + "type as the first issue's details code (contraindicated, evaluation-expired, slot-taken with one "
                    + "issue per conflicting session, start-date-in-past, ...).")
    @RequestBody(content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "201", description = "Booked: Bundle (ServiceRequest + Appointments); Location names the ServiceRequest",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Not a ServiceRequest, or an element missing or malformed (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = "Taken slots: one issue per conflicting session; nothing was booked (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "422", description = "The clinic's rules refuse the course; nothing was booked (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "429", description = "Over the clinic's rate limit (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> book(
            @Parameter(description = "Retry-safe booking, as in the REST API") @HeaderParam(Idempotency.HEADER) String key,
            @Context UriInfo uri, String body) {
        return outcomes.answer(CourseMapping.FIELDS, () -> {
            UUID clinicId = caller.clinicId();
            BookCourseRequest request = input.valid(CourseMapping.request(serviceRequest(body)));
            return limits.acquire(clinicId).chain(() -> courses.book(clinicId, caller.subject(), key, request)
                    .flatMap(created -> courses.find(clinicId, FhirInput.lastSegment(created.location())))
                    .map(booked -> Response.created(URI.create("/fhir/r4/ServiceRequest/" + booked.course().id))
                            .type(FhirJson.MEDIA_TYPE).tag(FhirCodes.etag(booked.course().version))
                            .entity(fhir.write(FhirBundles.collection(uri, resources(booked)))).build()));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "FHIR read ServiceRequest (a course)", description = "The id is the REST API's course id.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such course in the caller's clinic (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> read(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return outcomes.answer(CourseMapping.FIELDS, () -> courses.find(caller.clinicId(), Ids.parse("id", id))
                .map(found -> Response.ok(fhir.write(CourseMapping.serviceRequest(found.course(), found.sessions())),
                        FhirJson.MEDIA_TYPE).tag(FhirCodes.etag(found.course().version)).build()));
    }

    static List<Resource> resources(Courses.BookedCourse booked) {
        List<Resource> resources = new ArrayList<>();
        resources.add(CourseMapping.serviceRequest(booked.course(), booked.sessions()));
        booked.sessions().forEach(session -> resources.add(CourseMapping.appointment(booked.course(), session)));
        return resources;
    }

    /** An operation's input is a Parameters resource; a bare ServiceRequest is taken as well, as many clients send. */
    private ServiceRequest serviceRequest(String body) {
        if (body != null && body.contains("\"Parameters\"")) {
            Parameters parameters = fhir.read(body, Parameters.class);
            Resource request = parameters.getParameter().stream().filter(parameter -> "request".equals(parameter.getName()))
                    .map(Parameters.ParametersParameterComponent::getResource).findFirst().orElse(null);
            if (request instanceof ServiceRequest serviceRequest) {
                return serviceRequest;
            }
            throw new health.courses.scheduling.problem.InvalidInput("Parameters.parameter('request')", "required",
                    "must hold the ServiceRequest to book");
        }
        return fhir.read(body, ServiceRequest.class);
    }
}

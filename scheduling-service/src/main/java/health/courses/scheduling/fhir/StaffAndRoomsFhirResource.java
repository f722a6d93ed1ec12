package health.courses.scheduling.fhir;

import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.practitioner.Practitioners;
import health.courses.scheduling.problem.Ids;
import health.courses.scheduling.room.Rooms;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;

/** Practitioner and Location (a room) read: the resources a course's sessions need, by the REST API's ids. */
@Path("/fhir/r4")
@Produces(FhirJson.MEDIA_TYPE)
@Tag(name = "FHIR R4")
public class StaffAndRoomsFhirResource {

    private final Practitioners practitioners;
    private final Rooms rooms;
    private final Caller caller;
    private final FhirJson fhir;
    private final Outcomes outcomes;

    StaffAndRoomsFhirResource(Practitioners practitioners, Rooms rooms, Caller caller, FhirJson fhir, Outcomes outcomes) {
        this.practitioners = practitioners;
        this.rooms = rooms;
        this.caller = caller;
        this.fhir = fhir;
        this.outcomes = outcomes;
    }

    @GET
    @Path("/Practitioner/{id}")
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "FHIR read Practitioner", description = "The id is the REST API's practitioner id.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such practitioner in the caller's clinic (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> practitioner(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return outcomes.answer(Map.of(), () -> practitioners.find(caller.clinicId(), Ids.parse("id", id))
                .map(found -> {
                    Practitioner resource = new Practitioner();
                    resource.setId(found.id.toString());
                    resource.setMeta(FhirCodes.version(found.version));
                    resource.setActive(true);
                    resource.addName().setText(found.name);
                    return Response.ok(fhir.write(resource), FhirJson.MEDIA_TYPE).tag(FhirCodes.etag(found.version))
                            .build();
                }));
    }

    @GET
    @Path("/Location/{id}")
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "FHIR read Location (a room)", description = "The id is the REST API's room id.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such room in the caller's clinic (OperationOutcome)",
            content = @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> location(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return outcomes.answer(Map.of(), () -> rooms.find(caller.clinicId(), Ids.parse("id", id))
                .map(found -> {
                    Location resource = new Location();
                    resource.setId(found.id.toString());
                    resource.setMeta(FhirCodes.version(found.version));
                    resource.setStatus(Location.LocationStatus.ACTIVE);
                    resource.setMode(Location.LocationMode.INSTANCE);
                    resource.setName(found.name);
                    return Response.ok(fhir.write(resource), FhirJson.MEDIA_TYPE).tag(FhirCodes.etag(found.version))
                            .build();
                }));
    }
}

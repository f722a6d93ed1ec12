package health.courses.scheduling.practitioner;

import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/practitioners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Practitioners")
public class PractitionerResource {

    private final Practitioners practitioners;
    private final Caller caller;

    PractitionerResource(Practitioners practitioners, Caller caller) {
        this.practitioners = practitioners;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOOKING)
    @Operation(summary = "Add a practitioner to the caller's clinic")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = PractitionerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PractitionerView>> add(@Valid @NotNull NewPractitioner request) {
        return practitioners.add(caller.clinicId(), request.name())
                .map(added -> RestResponse.ResponseBuilder.<PractitionerView>created(URI.create("/api/v1/practitioners/" + added.id))
                        .entity(PractitionerView.of(added)).build());
    }

    @GET
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "The caller's clinic's practitioners, by name")
    public Uni<PractitionerList> list() {
        return practitioners.list(caller.clinicId())
                .map(found -> new PractitionerList(found.stream().map(PractitionerView::of).toList()));
    }
}

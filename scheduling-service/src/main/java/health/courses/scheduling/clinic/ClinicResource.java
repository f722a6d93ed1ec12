package health.courses.scheduling.clinic;

import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/clinic")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinic")
@RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
public class ClinicResource {

    private final Clinics clinics;
    private final Caller caller;

    ClinicResource(Clinics clinics, Caller caller) {
        this.clinics = clinics;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's clinic", description = "Created with defaults (Europe/Berlin, 44 h minimum gap) on first use.")
    public Uni<ClinicView> get() {
        return clinics.current(caller.clinicId()).map(ClinicView::of);
    }
}

package health.courses.scheduling.attendance;

import health.courses.scheduling.auth.Caller;
import health.courses.scheduling.auth.Roles;
import health.courses.scheduling.problem.Ids;
import health.courses.scheduling.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/attendance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "What the clinic's sessions came to over a period")
public class AttendanceResource {

    private final AttendanceReports reports;
    private final Caller caller;

    AttendanceResource(AttendanceReports reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.BOOKING, Roles.CLINICIAN, Roles.OPERATOR })
    @Operation(summary = "Attendance over a period: sessions completed, missed, cancelled by patient or clinic, and "
            + "the patients' confirmations beside them, in all, per practitioner and per course",
            description = "Counts the caller's clinic's sessions starting in [from, to) (clinic-local days, at most 366). "
                    + "missedRateConfirmed beside missedRateUnconfirmed shows whether confirmed sessions are missed less.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AttendanceReport.class)))
    @APIResponse(responseCode = "400", description = "A missing or malformed from/to, to not after from, a period over 366 "
            + "days, or a malformed practitionerId (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "https://courses.health/problems/validation", "title": "The request is not valid",
                             "status": 400, "detail": "to: the period spans at most 366 days",
                             "errors": [{"field": "to", "rule": "range", "message": "the period spans at most 366 days"}]}""")))
    public Uni<AttendanceReport> report(
            @Parameter(description = "First clinic-local day", required = true, example = "2027-03-01")
            @QueryParam("from") String from,
            @Parameter(description = "Exclusive: the day after the last", required = true, example = "2027-04-01")
            @QueryParam("to") String to,
            @Parameter(description = "Only this practitioner's sessions", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("practitionerId") String practitionerId) {
        return reports.report(caller.clinicId(), new AttendanceReports.Period(from, to,
                practitionerId == null ? null : Ids.parse("practitionerId", practitionerId)));
    }
}

package health.courses.scheduling.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AttendanceReport", description = "How the clinic's sessions starting in a period turned out: in all, per "
        + "practitioner and per course")
public record AttendanceReport(
        @Schema(description = "First day of the period (clinic-local)", example = "2027-03-01") LocalDate from,
        @Schema(description = "Day after the period (exclusive)", example = "2027-04-01") LocalDate to,
        @Schema(description = "The clinic's zone the days are read in", example = "Europe/Berlin") String zone,
        @Schema(description = "The sessions of every course in the report") Attendance total,
        @Schema(description = "Per practitioner, by id") List<PractitionerAttendance> practitioners,
        @Schema(description = "Per course with a session in the period, by id") List<CourseAttendance> courses) {

    @Schema(name = "PractitionerAttendance")
    public record PractitionerAttendance(UUID practitionerId, Attendance attendance) {
    }

    @Schema(name = "CourseAttendance")
    public record CourseAttendance(UUID courseId, UUID practitionerId, Attendance attendance) {
    }
}

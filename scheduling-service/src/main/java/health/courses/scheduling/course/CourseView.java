package health.courses.scheduling.course;

import health.courses.scheduling.attendance.Attendance;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionView;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Course", description = "A course with every planned session")
public record CourseView(
        UUID id,
        UUID patientId,
        UUID practitionerId,
        UUID roomId,
        @Schema(example = "scheduled") CourseStatus status,
        @Schema(description = "Grows with every change; send it back as If-Match", example = "1") int version,
        @Schema(example = "Europe/Berlin") String zone,
        @Schema(example = "2027-03-22") LocalDate startDate,
        @Schema(example = "3") int sessionsPerWeek,
        @Schema(example = "4") int weeks,
        @Schema(example = "[\"MONDAY\", \"WEDNESDAY\", \"FRIDAY\"]") List<DayOfWeek> weekdays,
        @Schema(example = "10:00") String localTime,
        @Schema(example = "30") int sessionMinutes,
        @Schema(description = "RFC 5545 RRULE the sessions follow", example = "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12")
        String recurrence,
        List<SessionView> sessions,
        @Schema(description = "How the course's sessions turned out so far, with the patient's confirmations (issue 18)")
        Attendance attendance) {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    public static CourseView of(Course course, List<Session> sessions) {
        ZoneId zone = ZoneId.of(course.zone);
        return new CourseView(course.id, course.patientId, course.practitionerId, course.roomId, course.status,
                course.version, course.zone, course.startDate, course.sessionsPerWeek, course.weeks,
                course.weekdayList(), course.localTime.format(HOURS_MINUTES), course.sessionMinutes,
                course.recurrence, sessions.stream().map(session -> SessionView.of(session, zone)).toList(),
                Attendance.of(sessions));
    }
}

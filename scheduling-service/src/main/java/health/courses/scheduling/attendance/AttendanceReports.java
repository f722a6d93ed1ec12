package health.courses.scheduling.attendance;

import health.courses.scheduling.attendance.AttendanceReport.CourseAttendance;
import health.courses.scheduling.attendance.AttendanceReport.PractitionerAttendance;
import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.problem.Dates;
import health.courses.scheduling.problem.FieldError;
import health.courses.scheduling.problem.InvalidInput;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The clinic's attendance over a period (issue 18): one grouped query over the sessions starting in it (clinic-local
 * days, the clinic's own rows only), summed per practitioner and in all here. Served by the agenda's
 * (clinic_id, starts_at, id) and (clinic_id, practitioner_id, starts_at, id) indexes.
 */
@ApplicationScoped
public class AttendanceReports {

    /** A year and a day: a year's report in any calendar; longer would read a clinic's whole history at once. */
    static final int MAX_DAYS = 366;

    private static final String GROUPED = """
            SELECT course_id, practitioner_id,
                   count(*) FILTER (WHERE status = 'completed'),
                   count(*) FILTER (WHERE status = 'completed' AND confirmation = 'confirmed'),
                   count(*) FILTER (WHERE status = 'missed'),
                   count(*) FILTER (WHERE status = 'missed' AND confirmation = 'confirmed'),
                   count(*) FILTER (WHERE status = 'cancelled' AND cancelled_by = 'patient'),
                   count(*) FILTER (WHERE status = 'cancelled' AND cancelled_by IS DISTINCT FROM 'patient')
            FROM session
            WHERE clinic_id = :clinicId AND starts_at >= :from AND starts_at < :to
              %s
            GROUP BY course_id, practitioner_id
            ORDER BY course_id""";
    private static final String OF_PRACTITIONER = "AND practitioner_id = :practitionerId";

    private final Clinics clinics;

    AttendanceReports(Clinics clinics) {
        this.clinics = clinics;
    }

    /** The period and optional practitioner as the caller wrote them; checked here, 400 naming the parameter. */
    public record Period(String from, String to, UUID practitionerId) {
    }

    @WithSession
    public Uni<AttendanceReport> report(UUID clinicId, Period period) {
        LocalDate from = day("from", period.from());
        LocalDate to = day("to", period.to());
        List<FieldError> errors = new ArrayList<>();
        if (!to.isAfter(from)) {
            errors.add(new FieldError("to", "after-from", "must be after from"));
        } else if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            errors.add(new FieldError("to", "range", "the period spans at most " + MAX_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return clinics.current(clinicId).flatMap(clinic -> {
            ZoneId zone = clinic.zoneId();
            UUID practitionerId = period.practitionerId();
            return Panache.getSession().flatMap(session -> {
                        var query = session.createNativeQuery(
                                        GROUPED.formatted(practitionerId == null ? "" : OF_PRACTITIONER), Object[].class)
                                .setParameter("clinicId", clinicId)
                                .setParameter("from", from.atStartOfDay(zone).toOffsetDateTime())
                                .setParameter("to", to.atStartOfDay(zone).toOffsetDateTime());
                        if (practitionerId != null) {
                            query.setParameter("practitionerId", practitionerId);
                        }
                        return query.getResultList();
                    })
                    .map(rows -> report(from, to, zone, rows));
        });
    }

    private static AttendanceReport report(LocalDate from, LocalDate to, ZoneId zone, List<Object[]> rows) {
        Attendance.Tally total = new Attendance.Tally();
        Map<UUID, Attendance.Tally> byPractitioner = new TreeMap<>();
        List<CourseAttendance> courses = new ArrayList<>();
        for (Object[] row : rows) {
            Attendance.Tally course = new Attendance.Tally();
            course.add(count(row[2]), count(row[3]), count(row[4]), count(row[5]), count(row[6]), count(row[7]));
            UUID practitionerId = (UUID) row[1];
            courses.add(new CourseAttendance((UUID) row[0], practitionerId, course.attendance()));
            byPractitioner.computeIfAbsent(practitionerId, id -> new Attendance.Tally()).add(course);
            total.add(course);
        }
        List<PractitionerAttendance> practitioners = byPractitioner.entrySet().stream()
                .map(entry -> new PractitionerAttendance(entry.getKey(), entry.getValue().attendance())).toList();
        return new AttendanceReport(from, to, zone.getId(), total.attendance(), practitioners, courses);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    /** A clinic-local day such as 2027-03-01. */
    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "not-null", "must be a date such as 2027-03-01");
        }
        try {
            return Dates.require(field, LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "date", "must be a date such as 2027-03-01");
        }
    }
}

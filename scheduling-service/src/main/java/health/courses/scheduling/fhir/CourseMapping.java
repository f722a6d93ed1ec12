package health.courses.scheduling.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import health.courses.scheduling.confirmation.Confirmation;
import health.courses.scheduling.course.BookCourseRequest;
import health.courses.scheduling.course.Course;
import health.courses.scheduling.course.CourseStatus;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.session.Session;
import health.courses.scheduling.session.SessionStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/**
 * A course is a ServiceRequest whose occurrenceTiming is the pattern (frequency per 1 week, bounds from the start
 * date over the weeks, days of week, time of day, session length); each session an Appointment based on it.
 */
final class CourseMapping {

    /** The REST field a booking refusal names → where it sits in the ServiceRequest. */
    static final Map<String, String> FIELDS = Map.of(
            "patientId", "ServiceRequest.subject",
            "practitionerId", "ServiceRequest.performer",
            "roomId", "ServiceRequest.locationReference",
            "startDate", "ServiceRequest.occurrenceTiming.repeat.boundsPeriod.start",
            "sessionsPerWeek", "ServiceRequest.occurrenceTiming.repeat.frequency",
            "weeks", "ServiceRequest.occurrenceTiming.repeat.boundsPeriod.end",
            "weekdays", "ServiceRequest.occurrenceTiming.repeat.dayOfWeek",
            "localTime", "ServiceRequest.occurrenceTiming.repeat.timeOfDay",
            "sessionMinutes", "ServiceRequest.occurrenceTiming.repeat.duration");

    private CourseMapping() {
    }

    static ServiceRequest serviceRequest(Course course, List<Session> sessions) {
        ServiceRequest request = new ServiceRequest();
        request.setId(course.id.toString());
        request.setMeta(FhirCodes.version(course.version));
        request.setStatus(status(course.status));
        request.setIntent(ServiceRequestIntent.ORDER);
        request.setCode(new CodeableConcept(new Coding(FhirCodes.COURSE, "treatment-course", "Treatment course"))
                .setText("Treatment course"));
        request.setSubject(FhirCodes.reference("Patient", course.patientId));
        request.addPerformer(FhirCodes.reference("Practitioner", course.practitionerId));
        request.addLocationReference(FhirCodes.reference("Location", course.roomId));
        Timing timing = new Timing();
        TimingRepeatComponent repeat = timing.getRepeat();
        repeat.setBounds(new Period().setStartElement(date(course.startDate))
                .setEndElement(date(course.startDate.plusWeeks(course.weeks).minusDays(1))));
        repeat.setCount(course.sessionsPerWeek * course.weeks);
        repeat.setFrequency(course.sessionsPerWeek).setPeriod(1).setPeriodUnit(UnitsOfTime.WK);
        repeat.setDuration(course.sessionMinutes).setDurationUnit(UnitsOfTime.MIN);
        for (DayOfWeek day : course.weekdayList()) {
            repeat.addDayOfWeek(Timing.DayOfWeek.fromCode(day.name().substring(0, 3).toLowerCase()));
        }
        repeat.addTimeOfDay(course.localTime.format(DateTimeFormatter.ISO_LOCAL_TIME));
        request.setOccurrence(timing);
        request.setAuthoredOnElement(new DateTimeType(Date.from(course.createdAt), TemporalPrecisionEnum.SECOND));
        return request;
    }

    static Appointment appointment(Course course, Session session) {
        ZoneId zone = ZoneId.of(course.zone);
        Appointment appointment = new Appointment();
        appointment.setId(session.id.toString());
        // If-Match on a session change is the course's version, as in the REST API: the course row is what is locked.
        appointment.setMeta(FhirCodes.version(course.version));
        appointment.setStatus(status(session.status));
        appointment.addBasedOn(FhirCodes.reference("ServiceRequest", course.id));
        appointment.setStartElement(instant(session.startsAt, zone));
        appointment.setEndElement(instant(session.endsAt, zone));
        appointment.setMinutesDuration((int) ChronoUnit.MINUTES.between(session.startsAt, session.endsAt));
        appointment.setDescription("Session " + session.number + " of the course");
        participant(appointment, FhirCodes.reference("Patient", course.patientId), patientStatus(session.confirmation));
        participant(appointment, FhirCodes.reference("Practitioner", session.practitionerId), ParticipationStatus.ACCEPTED);
        participant(appointment, FhirCodes.reference("Location", session.roomId), ParticipationStatus.ACCEPTED);
        if (session.status == SessionStatus.CANCELLED && session.cancelledBy != null) {
            // statusReason is by:code (patient:pat), a code as everywhere in this service, never free text
            appointment.setCancelationReason(new CodeableConcept().setText(session.statusReason == null
                    ? session.cancelledBy : session.statusReason));
        }
        return appointment;
    }

    private static void participant(Appointment appointment, org.hl7.fhir.r4.model.Reference actor,
            ParticipationStatus status) {
        appointment.addParticipant().setActor(actor).setRequired(ParticipantRequired.REQUIRED).setStatus(status);
    }

    /**
     * The patient's answer to the reminders (issue 18) as FHIR says a participant answers an appointment: confirmed
     * is accepted, not yet answered needs action, and asking for another time declines this one.
     */
    static ParticipationStatus patientStatus(Confirmation confirmation) {
        return switch (confirmation == null ? Confirmation.UNCONFIRMED : confirmation) {
            case CONFIRMED -> ParticipationStatus.ACCEPTED;
            case RESCHEDULE_REQUESTED -> ParticipationStatus.DECLINED;
            case UNCONFIRMED -> ParticipationStatus.NEEDSACTION;
        };
    }

    /** The booking request the ServiceRequest stands for; the REST API's rules then check it as they check JSON. */
    static BookCourseRequest request(ServiceRequest request) {
        if (!(request.getOccurrence() instanceof Timing timing) || !timing.hasRepeat()) {
            throw new InvalidInput("ServiceRequest.occurrenceTiming", "required", "must be a Timing with repeat");
        }
        TimingRepeatComponent repeat = timing.getRepeat();
        Period bounds = repeat.hasBoundsPeriod() ? repeat.getBoundsPeriod() : null;
        LocalDate start = bounds == null || !bounds.hasStart() ? null : localDate(bounds.getStartElement());
        Integer perWeek = repeat.hasFrequency() ? repeat.getFrequency() : null;
        if (repeat.hasPeriod() && (repeat.getPeriod().intValue() != 1 || repeat.getPeriodUnit() != UnitsOfTime.WK)) {
            throw new InvalidInput("ServiceRequest.occurrenceTiming.repeat.period", "one-week",
                    "must be 1 wk: the frequency counts sessions per week");
        }
        Integer weeks = null;
        if (bounds != null && bounds.hasEnd() && start != null) {
            weeks = (int) Math.round((ChronoUnit.DAYS.between(start, localDate(bounds.getEndElement())) + 1) / 7.0);
        } else if (repeat.hasCount() && perWeek != null && perWeek > 0) {
            weeks = repeat.getCount() / perWeek;
        }
        List<DayOfWeek> days = repeat.getDayOfWeek().isEmpty() ? null : repeat.getDayOfWeek().stream()
                .map(Enumeration::getValue).map(CourseMapping::day).toList();
        LocalTime time = repeat.getTimeOfDay().isEmpty() ? null : LocalTime.parse(repeat.getTimeOfDay().get(0).getValue());
        Integer minutes = null;
        if (repeat.hasDuration()) {
            if (repeat.getDurationUnit() != UnitsOfTime.MIN) {
                throw new InvalidInput("ServiceRequest.occurrenceTiming.repeat.durationUnit", "minutes", "must be min");
            }
            minutes = repeat.getDuration().intValue();
        }
        return new BookCourseRequest(
                FhirInput.id("ServiceRequest.subject", FhirCodes.idOf(request.getSubject(), "Patient")),
                FhirInput.id("ServiceRequest.performer", request.hasPerformer()
                        ? FhirCodes.idOf(request.getPerformerFirstRep(), "Practitioner") : null),
                FhirInput.id("ServiceRequest.locationReference", request.hasLocationReference()
                        ? FhirCodes.idOf(request.getLocationReferenceFirstRep(), "Location") : null),
                start, perWeek, weeks, days, time, minutes);
    }

    static ServiceRequestStatus status(CourseStatus status) {
        return switch (status) {
            case SCHEDULED -> ServiceRequestStatus.ACTIVE;
            case HELD -> ServiceRequestStatus.ONHOLD;
            case CANCELLED -> ServiceRequestStatus.REVOKED;
            case COMPLETED -> ServiceRequestStatus.COMPLETED;
        };
    }

    static AppointmentStatus status(SessionStatus status) {
        return switch (status) {
            case SCHEDULED -> AppointmentStatus.BOOKED;
            case HELD -> AppointmentStatus.PENDING;
            case COMPLETED -> AppointmentStatus.FULFILLED;
            case MISSED -> AppointmentStatus.NOSHOW;
            case CANCELLED -> AppointmentStatus.CANCELLED;
        };
    }

    private static DayOfWeek day(Timing.DayOfWeek day) {
        return switch (day) {
            case MON -> DayOfWeek.MONDAY;
            case TUE -> DayOfWeek.TUESDAY;
            case WED -> DayOfWeek.WEDNESDAY;
            case THU -> DayOfWeek.THURSDAY;
            case FRI -> DayOfWeek.FRIDAY;
            case SAT -> DayOfWeek.SATURDAY;
            case SUN -> DayOfWeek.SUNDAY;
            case NULL -> throw new InvalidInput("ServiceRequest.occurrenceTiming.repeat.dayOfWeek", "code",
                    "must be mon..sun");
        };
    }

    private static DateTimeType date(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    private static LocalDate localDate(DateTimeType value) {
        return LocalDate.parse(value.getValueAsString().substring(0, 10));
    }

    private static org.hl7.fhir.r4.model.InstantType instant(java.time.Instant at, ZoneId zone) {
        org.hl7.fhir.r4.model.InstantType instant = new org.hl7.fhir.r4.model.InstantType(Date.from(at),
                TemporalPrecisionEnum.SECOND, java.util.TimeZone.getTimeZone(zone));
        return instant;
    }
}

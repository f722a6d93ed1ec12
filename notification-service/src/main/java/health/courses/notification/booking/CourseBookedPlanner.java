package health.courses.notification.booking;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.courses.notification.events.CloudEvent;
import health.courses.notification.events.CourseEventHandler;
import health.courses.notification.events.PoisonEvent;
import health.courses.notification.notification.NotificationPlanner;
import health.courses.notification.notification.PlannedNotification;
import io.smallrye.mutiny.Uni;

/** A booked course: tell the patient at once, by email for now. */
@ApplicationScoped
public class CourseBookedPlanner implements CourseEventHandler {

    private static final String CHANNEL = "email";

    private final NotificationPlanner planner;
    private final ObjectMapper json;
    private final Validator validator;

    private final Clock clock;

    CourseBookedPlanner(NotificationPlanner planner, ObjectMapper json, Validator validator, Clock clock) {
        this.clock = clock;
        this.planner = planner;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public Set<String> types() {
        return Set.of(CourseScheduled.TYPE);
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        CourseScheduled course = read(event);
        CourseBooked booked = new CourseBooked(course.sessionCount(), course.sessionsPerWeek(), course.weeks(),
                course.firstSessionStart(), course.lastSessionEnd(), course.zone(), course.sessions());
        // Keyed by course: a second course.scheduled.v1 for the same course (a new event id) tells nothing new.
        PlannedNotification notification = new PlannedNotification(course.clinicId(), course.patientId(),
                course.courseId(), Optional.empty(), Optional.empty(), CourseBooked.KIND, CHANNEL,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), CourseBooked.KIND + ":" + course.courseId(), booked, Optional.empty());
        return planner.plan(notification).replaceWithVoid();
    }

    private CourseScheduled read(CloudEvent event) {
        CourseScheduled course;
        try {
            course = json.treeToValue(event.data().tree(), CourseScheduled.class);
        } catch (JsonProcessingException | IllegalArgumentException malformed) {
            throw new PoisonEvent("Data of " + event.type() + " does not have the expected shape");
        }
        var violations = validator.validate(course);
        if (!violations.isEmpty()) {
            throw new PoisonEvent("Data of " + event.type() + " is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining(", ")));
        }
        return course;
    }
}

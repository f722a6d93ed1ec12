package health.courses.notification.reminder;

import java.util.UUID;

/** The template data of course-level notices (held, cancelled). */
public record CourseLetter(UUID courseId, String clinicName) {
}

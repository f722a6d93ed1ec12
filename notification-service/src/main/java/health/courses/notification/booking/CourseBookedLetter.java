package health.courses.notification.booking;

import health.courses.notification.mail.TimeText;

/**
 * What the course-booked templates show. {@code firstSessionAtClinic} is set only when the patient lives in
 * another zone than the clinic, so the letter can say what the appointment is in clinic time as well.
 */
public record CourseBookedLetter(int sessionCount, Integer sessionsPerWeek, Integer weeks, TimeText firstSession,
        TimeText firstSessionAtClinic, TimeText lastSessionEnd) {
}

package health.courses.notification.reminder;

import java.time.ZoneId;
import java.util.Locale;

import health.courses.notification.mail.TimeText;

/**
 * What the session and course-notice templates show, in the patient's language and zone. {@code sessionAtClinic}
 * is set only when the patient lives in another zone than the clinic.
 */
public record PatientLetter(String kind, String clinicName, TimeText session, TimeText sessionAtClinic,
        TimeText previous, boolean calendar) {

    static PatientLetter of(String kind, Object payload, ZoneId patientZone, Locale language) {
        if (payload instanceof SessionLetter letter) {
            ZoneId clinicZone = ZoneId.of(letter.clinicZone());
            return new PatientLetter(kind, letter.clinicName(), TimeText.of(letter.start(), patientZone, language),
                    clinicZone.equals(patientZone) ? null : TimeText.of(letter.start(), clinicZone, language),
                    letter.previousStart() == null ? null : TimeText.of(letter.previousStart(), patientZone, language),
                    true);
        }
        CourseLetter letter = (CourseLetter) payload;
        return new PatientLetter(kind, letter.clinicName(), null, null, null, false);
    }

    public boolean reminder() {
        return MessageKind.REMINDER.equals(kind);
    }

    public boolean changed() {
        return MessageKind.CHANGED.equals(kind);
    }

    public boolean cancelled() {
        return MessageKind.CANCELLED.equals(kind);
    }

    public boolean courseHeld() {
        return MessageKind.COURSE_HELD.equals(kind);
    }
}

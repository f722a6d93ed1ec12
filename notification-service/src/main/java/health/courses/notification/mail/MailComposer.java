package health.courses.notification.mail;

import java.util.Set;

import health.courses.notification.notification.Delivery;

/** Writes the email for one kind of notification, in the patient's language and time zone. */
public interface MailComposer {

    /** The notification kinds it writes, e.g. {@code course-booked}. */
    Set<String> kinds();

    /** @param letterhead the clinic as its settings say now: the ORGANIZER of a calendar part */
    MailText compose(Delivery delivery, Letterhead letterhead);
}

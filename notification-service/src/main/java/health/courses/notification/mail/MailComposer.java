package health.courses.notification.mail;

import health.courses.notification.notification.Delivery;

/** Writes the email for one kind of notification, in the patient's language and time zone. */
public interface MailComposer {

    /** The notification kind it writes, e.g. {@code course-booked}. */
    String kind();

    MailText compose(Delivery delivery);
}

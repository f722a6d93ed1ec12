package health.courses.notification.sms;

import java.util.Set;

import health.courses.notification.notification.Delivery;

/** Writes the short text for one or more kinds of notification, in the patient's language and time zone. */
public interface SmsComposer {

    Set<String> kinds();

    String compose(Delivery delivery);
}

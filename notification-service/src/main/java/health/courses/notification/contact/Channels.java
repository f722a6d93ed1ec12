package health.courses.notification.contact;

import java.util.List;

/** The channel names a patient may prefer or opt out of; each is a {@code notification.Channel} of that name. */
public final class Channels {

    public static final String EMAIL = "email";
    public static final String SMS = "sms";
    public static final List<String> DEFAULT_PREFERRED = List.of(EMAIL);
    public static final String PATTERN = "email|sms";

    private Channels() {
    }
}

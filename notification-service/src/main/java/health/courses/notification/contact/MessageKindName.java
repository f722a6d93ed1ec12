package health.courses.notification.contact;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The items of a list of message kinds, for the OpenAPI document only (see {@link ChannelName}). */
@Schema(name = "MessageKindName", type = SchemaType.STRING, enumeration = { "session-reminder", "session-changed",
        "session-cancelled", "course-held", "course-cancelled", "course-booked", "home-exercise" })
final class MessageKindName {

    private MessageKindName() {
    }
}

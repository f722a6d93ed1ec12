package health.courses.notification.contact;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The items of a list of channels, for the OpenAPI document only: {@code @Schema(enumeration)} on a list field puts
 * the enum on the array (where no array matches it); {@code type = ARRAY, implementation = ChannelName.class} puts
 * it on the items.
 */
@Schema(name = "ChannelName", type = SchemaType.STRING, enumeration = { "email", "sms" })
final class ChannelName {

    private ChannelName() {
    }
}

package health.courses.notification.contact;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the patient declined: whole channels, or kinds of message on every channel. */
@Schema(name = "OptOuts")
public record OptOuts(
        @Schema(type = SchemaType.ARRAY, implementation = ChannelName.class)
        List<@NotNull @Pattern(regexp = Channels.PATTERN, message = "must be one of: email, sms") String> channels,
        @Schema(type = SchemaType.ARRAY, implementation = MessageKindName.class)
        List<@NotNull @Pattern(regexp = MessageKinds.PATTERN, message = "must be a known kind of message") String> kinds) {

    public static final OptOuts NONE = new OptOuts(List.of(), List.of());

    public OptOuts {
        channels = channels == null ? List.of() : List.copyOf(channels);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }
}

package health.courses.notification.contact;

import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Local times between which nobody wants a message, e.g. 21:00 to 08:00. {@code from} after {@code to} means the
 * window spans midnight; equal times mean no quiet hours at all.
 */
@Schema(name = "QuietHours")
public record QuietHours(
        @Schema(examples = "21:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
        @NotNull LocalTime from,
        @Schema(examples = "08:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
        @NotNull LocalTime to) {

    /** Quiet hours as stored in two nullable columns: none unless both are set. */
    static java.util.Optional<QuietHours> stored(LocalTime from, LocalTime to) {
        return from == null || to == null ? java.util.Optional.empty() : java.util.Optional.of(new QuietHours(from, to));
    }

    public boolean contains(LocalTime time) {
        if (from.equals(to)) {
            return false;
        }
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }
}

package health.courses.scheduling.practitioner;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PractitionerList", description = "A page of practitioners by name")
public record PractitionerList(
        List<PractitionerView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page", example = "RHIuIFdlYmVy")
        String nextCursor) {
}

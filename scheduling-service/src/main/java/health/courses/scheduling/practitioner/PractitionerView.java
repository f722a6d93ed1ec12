package health.courses.scheduling.practitioner;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Practitioner", description = "A person who gives sessions")
public record PractitionerView(UUID id, @Schema(example = "Dr. Weber") String name, @Schema(example = "1") int version) {

    static PractitionerView of(Practitioner practitioner) {
        return new PractitionerView(practitioner.id, practitioner.name, practitioner.version);
    }
}

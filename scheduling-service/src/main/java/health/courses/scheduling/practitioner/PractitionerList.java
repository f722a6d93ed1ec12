package health.courses.scheduling.practitioner;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Wrapped in an object so paging members can be added without breaking clients. */
@Schema(name = "PractitionerList")
public record PractitionerList(List<PractitionerView> items) {
}

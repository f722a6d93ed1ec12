package health.courses.scheduling.closure;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ClosureList", description = "A page of closures by first day")
public record ClosureList(
        List<ClosureView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}

package health.courses.scheduling.session;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgendaList", description = "A page of the agenda: sessions by start, then id")
public record AgendaList(
        List<AgendaEntry> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}

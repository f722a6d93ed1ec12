package health.courses.scheduling.room;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RoomList", description = "A page of rooms by name")
public record RoomList(
        List<RoomView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page", example = "RHIuIFdlYmVy")
        String nextCursor) {
}

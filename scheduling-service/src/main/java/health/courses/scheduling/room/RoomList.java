package health.courses.scheduling.room;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Wrapped in an object so paging members can be added without breaking clients. */
@Schema(name = "RoomList")
public record RoomList(List<RoomView> items) {
}

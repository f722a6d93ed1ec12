package health.courses.scheduling.room;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Room", description = "A treatment room; every session needs one")
public record RoomView(UUID id, @Schema(example = "Room 2") String name, @Schema(example = "1") int version) {

    static RoomView of(Room room) {
        return new RoomView(room.id, room.name, room.version);
    }
}

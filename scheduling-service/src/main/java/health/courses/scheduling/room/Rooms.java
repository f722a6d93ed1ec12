package health.courses.scheduling.room;

import health.courses.scheduling.clinic.Clinics;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The clinic's treatment rooms: every session needs one. */
@ApplicationScoped
public class Rooms {

    private final Clinics clinics;
    private final RoomRepository rooms;

    Rooms(Clinics clinics, RoomRepository rooms) {
        this.clinics = clinics;
        this.rooms = rooms;
    }

    @WithTransaction
    public Uni<Room> add(UUID clinicId, String name) {
        return clinics.current(clinicId).flatMap(clinic -> {
            Room room = new Room();
            room.id = UUID.randomUUID();
            room.clinicId = clinicId;
            room.name = name.strip();
            room.version = 1;
            return rooms.persist(room);
        });
    }

    @WithSession
    public Uni<List<Room>> list(UUID clinicId) {
        return rooms.listInClinic(clinicId);
    }
}

package health.courses.scheduling.room;

import health.courses.scheduling.api.Cursor;
import health.courses.scheduling.api.Page;
import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.audit.AuditTrail;
import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.problem.ResourceNotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The clinic's rooms: every session needs one. */
@ApplicationScoped
public class Rooms {

    private final Clinics clinics;
    private final RoomRepository rooms;

    private final AuditTrail audit;

    Rooms(Clinics clinics, RoomRepository rooms, AuditTrail audit) {
        this.clinics = clinics;
        this.rooms = rooms;
        this.audit = audit;
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
        }).call(added -> audit.record("room.created", "room", added.id));
    }

    @WithSession
    public Uni<Room> find(UUID clinicId, UUID id) {
        return rooms.findInClinic(clinicId, id).onItem().ifNull().failWith(() -> new ResourceNotFound("room", id));
    }

    @WithSession
    public Uni<Page<RoomView>> list(UUID clinicId, PageRequest page) {
        Cursor after = Cursor.decode(page.cursor(), 2);
        return rooms.pageInClinic(clinicId, after, page.fetchSize())
                .map(found -> Page.of(found, page, RoomView::of, last -> Cursor.encode(last.name, last.id.toString())));
    }
}

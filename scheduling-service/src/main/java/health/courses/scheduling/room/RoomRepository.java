package health.courses.scheduling.room;

import health.courses.scheduling.api.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RoomRepository implements PanacheRepositoryBase<Room, UUID> {

    public Uni<Room> findInClinic(UUID clinicId, UUID id) {
        return find("clinicId = :clinicId and id = :id", Parameters.with("clinicId", clinicId).and("id", id))
                .firstResult();
    }

    /** By name then id; {@code after} is the cursor of the previous page's last item (name, id). */
    public Uni<List<Room>> pageInClinic(UUID clinicId, Cursor after, int size) {
        if (after == null) {
            return find("clinicId", Sort.by("name").and("id"), clinicId).range(0, size - 1).list();
        }
        return find("clinicId = :clinicId and (name > :name or (name = :name and id > :id))", Sort.by("name").and("id"),
                Parameters.with("clinicId", clinicId).and("name", after.key(0)).and("id", after.uuid(1)))
                .range(0, size - 1).list();
    }
}

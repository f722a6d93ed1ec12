package health.courses.scheduling.clinic;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ClinicRepository implements PanacheRepositoryBase<Clinic, UUID> {

    /**
     * Creates the clinic with the defaults unless it exists. ON CONFLICT makes two first requests of a new clinic
     * arriving together both succeed instead of one failing on the primary key.
     */
    public Uni<Void> provision(UUID clinicId) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO scheduling.clinic (id, name, zone, min_gap_hours, version)
                VALUES (:id, :name, :zone, :minGap, 1)
                ON CONFLICT (id) DO NOTHING""")
                .setParameter("id", clinicId)
                .setParameter("name", Clinic.DEFAULT_NAME)
                .setParameter("zone", Clinic.DEFAULT_ZONE)
                .setParameter("minGap", Clinic.DEFAULT_MIN_GAP_HOURS)
                .executeUpdate())
                .replaceWithVoid();
    }
}

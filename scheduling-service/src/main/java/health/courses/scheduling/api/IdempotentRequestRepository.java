package health.courses.scheduling.api;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

@ApplicationScoped
public class IdempotentRequestRepository implements PanacheRepositoryBase<IdempotentRequest, String> {

    /**
     * Claims the key for this transaction: true when the row was inserted (or an expired one taken over). A
     * concurrent request with the same key blocks here until the first commits (then false: replay) or rolls back
     * (then true: it runs itself), so two requests with one key never both execute.
     */
    public Uni<Boolean> claim(String id, UUID clinicId, String requestHash, Duration keptFor) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO scheduling.idempotent_request (id, clinic_id, request_hash)
                VALUES (:id, :clinicId, :hash)
                ON CONFLICT (id) DO UPDATE
                    SET request_hash = EXCLUDED.request_hash, status = NULL, location = NULL, etag = NULL,
                        body = NULL, created_at = now()
                    WHERE idempotent_request.created_at < now() - make_interval(secs => :keptFor)""")
                .setParameter("id", id)
                .setParameter("clinicId", clinicId)
                .setParameter("hash", requestHash)
                .setParameter("keptFor", (double) keptFor.toSeconds())
                .executeUpdate())
                .map(rows -> rows > 0);
    }
}

package health.courses.notification.ledger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<LedgerEntry, Long> {

    /** The transitions of these notifications, each one's oldest first. */
    Uni<Map<UUID, List<LedgerView.Transition>>> of(List<UUID> notificationIds) {
        if (notificationIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("notificationId in ?1 order by id", notificationIds).map(LedgerService::group);
    }
}

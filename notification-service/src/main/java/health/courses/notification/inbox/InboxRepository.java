package health.courses.notification.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxEntry, UUID> {

    /**
     * Records the event unless it is there already; true the first time. One statement rather than
     * check-then-insert: two consumers racing on a redelivery (say, during a rebalance) serialize on the key,
     * and the loser sees zero rows instead of a duplicate-key error that would abort its transaction.
     * Must run in the caller's transaction, together with the event's effect.
     */
    public Uni<Boolean> accept(UUID eventId, String eventType) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into inbox (event_id, event_type, received_at) values (:id, :type, now())
                on conflict (event_id) do nothing""")
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}

package health.courses.notification.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.events.BatchSql;
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

    /**
     * {@link #accept} for a whole batch in one statement: the ids seen for the first time. The ids and types go as
     * two array parameters, so the statement's text is the same whatever the batch's size and is prepared once per
     * connection; it is sent straight to the reactive client over the batch's transaction ({@link BatchSql}).
     */
    public Uni<Set<UUID>> acceptAll(List<UUID> eventIds, List<String> eventTypes) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return BatchSql.select("""
                insert into inbox (event_id, event_type, received_at)
                select id, type, now() from unnest($1::uuid[], $2::text[]) as event (id, type)
                on conflict (event_id) do nothing
                returning event_id""", eventIds.toArray(UUID[]::new), eventTypes.toArray(String[]::new))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    for (Object[] row : rows) {
                        fresh.add((UUID) row[0]);
                    }
                    return fresh;
                });
    }
}

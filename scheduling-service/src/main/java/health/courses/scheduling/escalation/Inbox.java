package health.courses.scheduling.escalation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumed events' ids (table inbox_event). Plain SQL because the claim must be one atomic
 * {@code INSERT ... ON CONFLICT DO NOTHING}: a concurrent duplicate waits for the first transaction and then finds
 * the id taken, which a read-then-insert would not guarantee.
 */
@ApplicationScoped
class Inbox {

    private static final String CLAIM = """
            INSERT INTO inbox_event (id, source, type, clinic_id, course_id, outcome)
            VALUES (:id, :source, :type, :clinicId, :courseId, 'recorded')
            ON CONFLICT (id) DO NOTHING""";

    private static final String OUTCOME = "UPDATE inbox_event SET outcome = :outcome WHERE id = :id";

    /** Inside the caller's transaction. @return whether the event is new, i.e. its effect must be applied now */
    Uni<Boolean> firstTime(CheckInEvent event) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(CLAIM)
                .setParameter("id", event.id())
                .setParameter("source", event.source())
                .setParameter("type", event.type())
                .setParameter("clinicId", event.clinicId())
                .setParameter("courseId", event.courseId())
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    Uni<Void> outcome(CheckInEvent event, String outcome) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(OUTCOME)
                .setParameter("outcome", outcome)
                .setParameter("id", event.id())
                .executeUpdate()
                .replaceWithVoid());
    }
}

package health.courses.scheduling.session;

import health.courses.scheduling.confirmation.Confirmation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    public Uni<List<Session>> listOfCourse(UUID clinicId, UUID courseId) {
        return list("clinicId = :clinicId and courseId = :courseId", Sort.by("number"),
                Parameters.with("clinicId", clinicId).and("courseId", courseId));
    }

    /** The sessions of several courses at once (a page of courses), in course then number order. */
    public Uni<List<Session>> listOfCourses(UUID clinicId, List<UUID> courseIds) {
        if (courseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("clinicId = :clinicId and courseId in :courseIds", Sort.by("courseId").and("number"),
                Parameters.with("clinicId", clinicId).and("courseIds", courseIds));
    }

    /** The course of a session of the clinic; null when the clinic has no such session. */
    public Uni<UUID> courseOf(UUID clinicId, UUID sessionId) {
        return getSession().flatMap(session -> session
                .createSelectionQuery("select courseId from Session where clinicId = :clinicId and id = :id", UUID.class)
                .setParameter("clinicId", clinicId).setParameter("id", sessionId)
                .getSingleResultOrNull());
    }

    /**
     * The agenda: sessions starting in [from, to), optionally of one practitioner and/or one room, in (start, id)
     * order from after the cursor. Served by the (clinic_id, practitioner_id | room_id, starts_at, id) indexes.
     */
    public Uni<List<Session>> agenda(UUID clinicId, Instant from, Instant to, UUID practitionerId, UUID roomId,
            Instant afterStart, UUID afterId, int size) {
        return agenda(clinicId, from, to, practitionerId, roomId, Narrowing.NONE, afterStart, afterId, size);
    }

    /** Optional filters of the agenda beyond the window; a null member does not filter. */
    public record Narrowing(Confirmation confirmation, SessionStatus status) {
        static final Narrowing NONE = new Narrowing(null, null);
    }

    /** The agenda narrowed further, e.g. the scheduled sessions nobody has confirmed yet (issue 18). */
    public Uni<List<Session>> agenda(UUID clinicId, Instant from, Instant to, UUID practitionerId, UUID roomId,
            Narrowing narrowing, Instant afterStart, UUID afterId, int size) {
        StringBuilder query = new StringBuilder("clinicId = :clinicId and startsAt >= :from and startsAt < :to");
        Parameters parameters = Parameters.with("clinicId", clinicId).and("from", from).and("to", to);
        if (practitionerId != null) {
            query.append(" and practitionerId = :practitionerId");
            parameters.and("practitionerId", practitionerId);
        }
        if (roomId != null) {
            query.append(" and roomId = :roomId");
            parameters.and("roomId", roomId);
        }
        if (narrowing.confirmation() != null) {
            query.append(" and confirmation = :confirmation");
            parameters.and("confirmation", narrowing.confirmation());
        }
        if (narrowing.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", narrowing.status());
        }
        if (afterStart != null) {
            // A row comparison, not "a > x or (a = x and b > y)": PostgreSQL uses it as an index condition, so a page
            // deep into a busy week starts at the cursor instead of filtering every row before it.
            query.append(" and (startsAt, id) > (:afterStart, :afterId)");
            parameters.and("afterStart", afterStart).and("afterId", afterId);
        }
        return find(query.toString(), Sort.by("startsAt").and("id"), parameters).range(0, size - 1).list();
    }

    /** Sessions that still hold the practitioner or the room somewhere between from and to. */
    public Uni<List<Session>> occupying(UUID clinicId, UUID practitionerId, UUID roomId, Instant from, Instant to) {
        return list("""
                clinicId = :clinicId and status <> :cancelled
                and (practitionerId = :practitionerId or roomId = :roomId)
                and startsAt < :to and endsAt > :from""", Sort.by("startsAt"),
                Parameters.with("clinicId", clinicId).and("cancelled", SessionStatus.CANCELLED)
                        .and("practitionerId", practitionerId).and("roomId", roomId)
                        .and("from", from).and("to", to));
    }
}

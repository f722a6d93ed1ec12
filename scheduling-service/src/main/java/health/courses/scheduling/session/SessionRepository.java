package health.courses.scheduling.session;

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

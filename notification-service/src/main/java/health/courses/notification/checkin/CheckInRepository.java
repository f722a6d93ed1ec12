package health.courses.notification.checkin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The check-in's state changes, each a single guarded statement in the caller's transaction. */
@ApplicationScoped
public class CheckInRepository implements PanacheRepositoryBase<CheckIn, UUID> {

    /** One check-in per session: a redelivered or re-published session.completed.v1 plans nothing new. */
    Uni<Boolean> create(UUID id, PlannedCheckIn planned, byte[] nonce, byte[] tokenHash) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into check_in (id, clinic_id, course_id, session_id, patient_id, session_ended_at, due_at,
                                      follow_up_at, unanswered_at, nonce, token_hash)
                values (:id, :clinicId, :courseId, :sessionId, :patientId, :endedAt, :dueAt, :followUpAt,
                        :unansweredAt, :nonce, :tokenHash)
                on conflict (session_id) do nothing""")
                .setParameter("id", id)
                .setParameter("clinicId", planned.clinicId())
                .setParameter("courseId", planned.courseId())
                .setParameter("sessionId", planned.sessionId())
                .setParameter("patientId", planned.patientId())
                .setParameter("endedAt", planned.sessionEndedAt())
                .setParameter("dueAt", planned.dueAt())
                .setParameter("followUpAt", planned.followUpAt())
                .setParameter("unansweredAt", planned.unansweredAt())
                .setParameter("nonce", nonce)
                .setParameter("tokenHash", tokenHash)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * The check-in a token opens, locked for the answer when {@code forUpdate}: two submits of the same form
     * serialize here, and the second finds it answered. The lookup is by the token's SHA-256, an index probe on a
     * value the caller cannot steer, so its timing tells nothing about how close a guess was.
     */
    Uni<Optional<CheckIn>> byTokenHash(byte[] tokenHash, boolean forUpdate) {
        var query = find("tokenHash", (Object) tokenHash);
        return (forUpdate ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).firstResult()
                .map(Optional::ofNullable);
    }

    /** When the link first went out: the validity of the link counts from there. */
    Uni<Optional<OffsetDateTime>> firstSentAt(CheckIn checkIn) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select min(n.sentAt) from Notification n where n.sessionId = :sessionId and n.kind in :kinds",
                OffsetDateTime.class)
                .setParameter("sessionId", checkIn.sessionId())
                .setParameter("kinds", CheckInKind.WITH_LINK)
                .getResultList())
                .map(found -> found.stream().filter(Objects::nonNull).findFirst());
    }

    Uni<Void> markAnswered(UUID id, OffsetDateTime at) {
        return getSession().chain(session -> session.createNativeQuery("""
                update check_in set status = 'answered', answered_at = :at where id = :id""")
                .setParameter("id", id)
                .setParameter("at", at)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The answer to the check-in of the course's previous session, if it was answered. */
    Uni<Optional<AnswerRecord>> previousAnswer(CheckIn checkIn) {
        return find("clinicId = ?1 and courseId = ?2 and sessionEndedAt < ?3 order by sessionEndedAt desc",
                checkIn.clinicId(), checkIn.courseId(), checkIn.sessionEndedAt()).firstResult()
                .chain(previous -> previous == null ? Uni.createFrom().item(Optional.<AnswerRecord>empty())
                        : answerOf(previous.id()));
    }

    Uni<Optional<AnswerRecord>> answerOf(UUID checkInId) {
        return getSession().chain(session -> session.find(AnswerRecord.class, checkInId)).map(Optional::ofNullable);
    }

    /**
     * Open check-ins whose follow-up went unanswered long enough, taken and closed in one statement; replicas skip
     * each other's rows. Returns the ids of those closed.
     */
    Uni<List<UUID>> closeUnanswered(int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                with due as (
                    select id from check_in where status = 'open' and unanswered_at <= now()
                     order by unanswered_at limit :limit for update skip locked)
                update check_in c set status = 'unanswered', closed_at = now()
                  from due where c.id = due.id
                returning c.id""", UUID.class)
                .setParameter("limit", limit)
                .getResultList());
    }
}

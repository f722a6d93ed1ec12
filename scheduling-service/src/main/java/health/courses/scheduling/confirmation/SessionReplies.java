package health.courses.scheduling.confirmation;

import health.courses.scheduling.audit.Actor;
import health.courses.scheduling.audit.AuditTrail;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Applies a patient's reply to the session it names: confirmed or reschedule-requested. Runs in the consumer's
 * transaction, after its inbox row, so the reply, the session's new state and the audit entry commit together.
 * A reply is applied once per replyId (table session_reply), whatever ce_id it arrives with. A reply the session can no
 * longer take is recorded with its reason and changes nothing: the session is unknown (or another course's or
 * clinic's), no longer scheduled (cancelled, missed, completed, held), or was moved or cancelled after the patient
 * replied (its confirmation changed after receivedAt). The course row is locked first, as every course change does,
 * so a reply and a reschedule of the same course queue instead of overwriting each other.
 */
@ApplicationScoped
public class SessionReplies {

    /** What became of a reply: the consumer's inbox outcome, and session_reply.outcome. */
    public static final String APPLIED = "applied";
    static final String DUPLICATE = "duplicate-reply";
    static final String UNKNOWN_SESSION = "unknown-session";
    static final String NOT_SCHEDULED = "not-scheduled";
    static final String CHANGED_AFTER_REPLY = "changed-after-reply";

    private static final Logger LOG = Logger.getLogger(SessionReplies.class);

    private static final String RECORD = """
            INSERT INTO session_reply (id, event_id, clinic_id, course_id, session_id, kind, channel, received_at, outcome)
            VALUES (:id, :eventId, :clinicId, :courseId, :sessionId, :kind, :channel, :receivedAt, 'received')
            ON CONFLICT (id) DO NOTHING""";
    private static final String OUTCOME = "UPDATE session_reply SET outcome = :outcome WHERE id = :id";
    /** The session as the reply finds it, with its course's row locked; no row: not this clinic's course's session. */
    private static final String LOCK_AND_READ = """
            SELECT s.status, coalesce(s.confirmation_changed_at > :receivedAt, false)
            FROM course c JOIN session s ON s.course_id = c.id
            WHERE c.id = :courseId AND c.clinic_id = :clinicId AND s.id = :sessionId
            FOR UPDATE OF c""";
    /** No version bump: the course's version (its ETag) guards the clinic's own changes, which a reply must not fail. */
    private static final String SET = """
            UPDATE session SET confirmation = :confirmation, confirmation_changed_at = :changedAt WHERE id = :sessionId""";

    private final AuditTrail audit;

    SessionReplies(AuditTrail audit) {
        this.audit = audit;
    }

    /** Inside the caller's transaction. @return the outcome, {@link #APPLIED} when the session changed */
    public Uni<String> apply(PatientReply reply) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RECORD)
                        .setParameter("id", reply.replyId())
                        .setParameter("eventId", reply.eventId())
                        .setParameter("clinicId", reply.clinicId())
                        .setParameter("courseId", reply.courseId())
                        .setParameter("sessionId", reply.sessionId())
                        .setParameter("kind", reply.kind().word())
                        .setParameter("channel", reply.channel())
                        .setParameter("receivedAt", utc(reply.receivedAt()))
                        .executeUpdate())
                .flatMap(inserted -> inserted == 0 ? Uni.createFrom().item(DUPLICATE)
                        : decide(reply).call(outcome -> record(reply, outcome)))
                .invoke(outcome -> LOG.infof("Reply %s (%s, %s) for session %s: %s", reply.replyId(), reply.kind().word(),
                        reply.channel(), reply.sessionId(), outcome));
    }

    private Uni<String> decide(PatientReply reply) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(LOCK_AND_READ, Object[].class)
                        .setParameter("courseId", reply.courseId())
                        .setParameter("clinicId", reply.clinicId())
                        .setParameter("sessionId", reply.sessionId())
                        .setParameter("receivedAt", utc(reply.receivedAt()))
                        .getSingleResultOrNull())
                .flatMap(found -> {
                    if (found == null) {
                        return Uni.createFrom().item(UNKNOWN_SESSION);
                    }
                    if (!"scheduled".equals(found[0])) {
                        return Uni.createFrom().item(NOT_SCHEDULED);
                    }
                    if (Boolean.TRUE.equals(found[1])) {
                        return Uni.createFrom().item(CHANGED_AFTER_REPLY);
                    }
                    return set(reply).replaceWith(APPLIED);
                });
    }

    private Uni<Void> set(PatientReply reply) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(SET)
                        .setParameter("confirmation", reply.kind().word())
                        .setParameter("changedAt", utc(reply.receivedAt()))
                        .setParameter("sessionId", reply.sessionId())
                        .executeUpdate())
                .flatMap(ignored -> audit.record(Actor.system(reply.clinicId(), "patient-reply"),
                        "session." + reply.kind().word(), "session", reply.sessionId()));
    }

    private static Uni<Void> record(PatientReply reply, String outcome) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(OUTCOME)
                        .setParameter("outcome", outcome)
                        .setParameter("id", reply.replyId())
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

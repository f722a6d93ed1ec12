package health.courses.notification.reply;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The replies and messages tables (V60) and the session projection a reply is matched to; joins the caller's session. */
@ApplicationScoped
class ReplyRepository {

    /** The patient's next session that can still be confirmed. */
    record NextSession(UUID sessionId, UUID courseId, UUID patientId, OffsetDateTime startsAt) {
    }

    /**
     * The earliest session still to come, scheduled and not held, of a course not cancelled, among these patients
     * (several patients of a clinic may share one phone: the reply most likely answers the reminder of the session
     * that comes first; equal starts are broken by session id, so the choice is deterministic).
     */
    Uni<Optional<NextSession>> nextSession(UUID clinicId, List<UUID> patients, Instant now) {
        if (patients.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.getSession().chain(session -> session.<Object[]> createNativeQuery("""
                select s.session_id, s.course_id, s.patient_id, s.starts_at
                  from session_state s
                 where s.clinic_id = :clinic and s.patient_id in (:patients) and s.status = 'scheduled'
                   and not s.held and s.starts_at > :now
                   and not exists (select 1 from course_state c
                                    where c.course_id = s.course_id and c.status = 'cancelled')
                 order by s.starts_at, s.session_id
                 limit 1""", Object[].class)
                .setParameter("clinic", clinicId)
                .setParameter("patients", patients)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> new NextSession((UUID) row[0], (UUID) row[1],
                        (UUID) row[2], toOffset(row[3]))));
    }

    /** The session a mail link names, if it is still one this patient can confirm. */
    Uni<Optional<NextSession>> confirmable(UUID clinicId, UUID patientId, UUID sessionId, Instant now) {
        return Panache.getSession().chain(session -> session.<Object[]> createNativeQuery("""
                select s.session_id, s.course_id, s.patient_id, s.starts_at
                  from session_state s
                 where s.clinic_id = :clinic and s.patient_id = :patient and s.session_id = :session
                   and s.status = 'scheduled' and s.starts_at > :now""", Object[].class)
                .setParameter("clinic", clinicId)
                .setParameter("patient", patientId)
                .setParameter("session", sessionId)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> new NextSession((UUID) row[0], (UUID) row[1],
                        (UUID) row[2], toOffset(row[3]))));
    }

    /** False when this delivery was recorded before (the provider's redelivery, a second press): apply nothing. */
    Uni<Boolean> record(Reply reply) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into patient_reply (id, clinic_id, channel, delivery_key, patient_id, keyword, session_id,
                                           course_id, received_at)
                values (:id, :clinic, :channel, :key, :patient, :keyword, :session, :course, :at)
                on conflict (clinic_id, channel, delivery_key) do nothing""")
                .setParameter("id", reply.id())
                .setParameter("clinic", reply.clinicId())
                .setParameter("channel", reply.channel())
                .setParameter("key", reply.deliveryKey())
                .setParameter("patient", reply.patientId())
                .setParameter("keyword", reply.keyword())
                .setParameter("session", reply.sessionId())
                .setParameter("course", reply.courseId())
                .setParameter("at", reply.receivedAt().atOffset(ZoneOffset.UTC))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    Uni<Void> keepMessage(UUID replyId, UUID clinicId, UUID patientId, String keyId, byte[] ciphertext,
            Instant receivedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into patient_message (id, clinic_id, patient_id, key_id, ciphertext, received_at)
                values (:id, :clinic, :patient, :key, :ciphertext, :at)""")
                .setParameter("id", replyId)
                .setParameter("clinic", clinicId)
                .setParameter("patient", patientId)
                .setParameter("key", keyId)
                .setParameter("ciphertext", ciphertext)
                .setParameter("at", receivedAt.atOffset(ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** A patient's messages as stored (encrypted), newest first. */
    record StoredMessage(UUID id, String keyId, byte[] ciphertext, OffsetDateTime receivedAt) {
    }

    Uni<List<StoredMessage>> messages(UUID clinicId, UUID patientId, int limit) {
        return Panache.getSession().chain(session -> session.<Object[]> createNativeQuery("""
                select id, key_id, ciphertext, received_at from patient_message
                 where clinic_id = :clinic and patient_id = :patient
                 order by received_at desc, id desc limit :limit""", Object[].class)
                .setParameter("clinic", clinicId)
                .setParameter("patient", patientId)
                .setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new StoredMessage((UUID) row[0], (String) row[1],
                        (byte[]) row[2], toOffset(row[3]))).toList());
    }

    Uni<Boolean> hasContact(UUID clinicId, UUID patientId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select count(*) from patient_contact where clinic_id = :clinic and patient_id = :patient", Long.class)
                .setParameter("clinic", clinicId)
                .setParameter("patient", patientId)
                .getSingleResult())
                .map(count -> count > 0);
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }
}

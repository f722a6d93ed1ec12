package health.courses.notification.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Events for patient-checkin-events, written in the caller's transaction, so the change and its event commit
 * together or not at all. {@link OutboxRelay} publishes them after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final OutboxRelay relay;

    Outbox(ObjectMapper json, OutboxRelay relay) {
        this.json = json;
        this.relay = relay;
    }

    /**
     * @param courseId the Kafka key: one course's events stay in order
     * @param subject {@code ce_subject}
     * @param data the event data exactly as its JSON Schema describes it; never answers or contact data
     * @return the event id ({@code ce_id})
     */
    public Uni<UUID> append(UUID courseId, String type, UUID subject, OffsetDateTime occurredAt, Object data) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException unserializable) {
            return Uni.createFrom().failure(new IllegalArgumentException("Data of " + type, unserializable));
        }
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into outbox_event (id, course_id, type, subject, occurred_at, payload)
                values (:id, :courseId, :type, :subject, :occurredAt, cast(cast(:payload as text) as jsonb))""")
                .setParameter("id", id)
                .setParameter("courseId", courseId)
                .setParameter("type", type)
                .setParameter("subject", subject.toString())
                .setParameter("occurredAt", occurredAt)
                .setParameter("payload", payload)
                .executeUpdate())
                .replaceWith(id);
    }

    /** The events about these subjects ({@code ce_subject}), oldest first. Joins the caller's session. */
    public Uni<java.util.List<OutboxEntry>> about(java.util.List<String> subjects) {
        if (subjects.isEmpty()) {
            return Uni.createFrom().item(java.util.List.of());
        }
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from OutboxEntry where subject in :subjects order by occurredAt, id",
                        OutboxEntry.class)
                .setParameter("subjects", subjects)
                .getResultList());
    }

    /** After the commit: publish now rather than at the next poll. */
    public void committed() {
        relay.wake();
    }
}

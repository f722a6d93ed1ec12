package health.courses.notification.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An outbox row as the clinic's views read it (what was told to the other services, and when it went out). */
@Entity
@Table(name = "outbox_event")
public class OutboxEntry {

    @Id
    private UUID id;
    private String type;
    private String subject;
    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;
    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    protected OutboxEntry() {
    }

    public UUID id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String subject() {
        return subject;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    /** Null while it waits for the broker. */
    public OffsetDateTime publishedAt() {
        return publishedAt;
    }
}

package health.courses.notification.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event this service has applied, by CloudEvents id. */
@Entity
@Table(name = "inbox")
public class InboxEntry {

    @Id
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    protected InboxEntry() {
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }
}

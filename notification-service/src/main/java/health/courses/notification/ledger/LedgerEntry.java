package health.courses.notification.ledger;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One state a notification entered, written by the database trigger {@code notification_ledger}; read-only here. */
@Entity
@Immutable
@Table(name = "notification_event")
public class LedgerEntry {

    @Id
    private long id;
    @Column(name = "notification_id")
    private UUID notificationId;
    private String status;
    private String reason;
    private int attempt;
    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    protected LedgerEntry() {
    }

    UUID notificationId() {
        return notificationId;
    }

    LedgerView.Transition transition() {
        return new LedgerView.Transition(status, reason, attempt, occurredAt);
    }
}

package health.courses.scheduling.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * An outbox row as the application writes it. Relay bookkeeping (publish_order, attempts, next_attempt_at,
 * last_error, published_at) is left to column defaults and to {@link OutboxStore}'s SQL, so Hibernate never
 * overwrites it.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    public static final String PENDING = "pending";
    public static final String PUBLISHED = "published";

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String subject;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /**
     * JSON text written as jsonb; the relay sends the stored JSON as the Kafka value. The inner cast to text matters:
     * a parameter typed jsonb would make the driver encode the Java string as a JSON string literal.
     */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(cast(? as text) as jsonb)")
    public String payload;

    @Column(nullable = false)
    public String status;

    /** W3C trace context of the writing transaction's span, or null when it was not traced. */
    @Column
    public String traceparent;
}

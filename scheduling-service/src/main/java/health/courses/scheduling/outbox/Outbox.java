package health.courses.scheduling.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Records events in the caller's transaction, so an event exists exactly when the change it describes committed.
 * Publishing is {@link OutboxRelay}'s job, never done here.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository rows;
    private final ObjectMapper json;
    private final Clock clock;

    Outbox(OutboxRepository rows, ObjectMapper json) {
        this.rows = rows;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /** Must be called inside the transaction of the change. Rows keep the list's order within their course. */
    public Uni<Void> append(List<OutgoingEvent> events) {
        return rows.persist(rows(events));
    }

    /**
     * The rows {@link #append} would write, for a caller that inserts them in its own statement (the booking writes
     * course, sessions, outbox rows and audit row in one). The caller must insert them in the list's order.
     */
    public List<OutboxEvent> rows(List<OutgoingEvent> events) {
        // PostgreSQL keeps microseconds; truncating here makes ce_time equal to what is stored.
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String traceparent = TraceContext.current().orElse(null);
        return events.stream().map(event -> row(event, occurredAt, traceparent)).toList();
    }

    private OutboxEvent row(OutgoingEvent event, Instant occurredAt, String traceparent) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.clinicId = event.clinicId();
        row.aggregateType = event.aggregateType();
        row.aggregateId = event.aggregateId();
        row.type = event.type();
        row.subject = event.subject();
        row.occurredAt = occurredAt;
        row.payload = toJson(event.data());
        row.status = OutboxEvent.PENDING;
        row.traceparent = traceparent;
        return row;
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + data.getClass(), e);
        }
    }
}

package health.courses.notification.ops;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.events.CloudEvent;
import health.courses.notification.events.CourseEventHandler;
import health.courses.notification.events.PoisonEvent;
import io.smallrye.mutiny.Uni;

/**
 * A handler with a defect that a deploy fixes, for a type only the tests publish. While {@link #defective(boolean) defective} it
 * rejects its events the way a real handler rejects data it cannot apply ({@link PoisonEvent}: dead-lettered at
 * once, nothing committed); clearing it stands for the fixed version going live. It counts what it applied per
 * ce_id, inside the consumer's transaction, so "applied once" is observable.
 */
@ApplicationScoped
public class ReplayProbe implements CourseEventHandler {

    static final String TYPE = "test.replay-probe.v1";

    private final AtomicBoolean defective = new AtomicBoolean();
    private final Map<UUID, AtomicInteger> applied = new ConcurrentHashMap<>();

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        if (defective.get()) {
            return Uni.createFrom().failure(new PoisonEvent("replay probe: this handler version cannot apply " + TYPE));
        }
        applied.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        return Uni.createFrom().voidItem();
    }

    /** Through a method: the test holds a client proxy, whose own fields are not the bean's. */
    void defective(boolean defective) {
        this.defective.set(defective);
    }

    int timesApplied(UUID eventId) {
        AtomicInteger count = applied.get(eventId);
        return count == null ? 0 : count.get();
    }
}

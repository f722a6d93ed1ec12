package health.courses.notification.notification;

import java.time.OffsetDateTime;
import java.util.Optional;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;

/**
 * The earliest due time planned by the work running on the current (duplicated) Vert.x context, e.g. one consumer
 * transaction: so the consumer wakes the dispatcher only when something it planned falls due before the dispatcher's
 * next poll, not after every event. Hibernate Reactive keeps a transaction on one context, so every plan of it lands
 * here.
 */
public final class PlannedDue {

    private static final String KEY = PlannedDue.class.getName();

    private PlannedDue() {
    }

    /** Starts afresh, e.g. at each attempt of a consumer transaction. */
    public static void forget() {
        if (onDuplicatedContext()) {
            ContextLocals.remove(KEY);
        }
    }

    public static Optional<OffsetDateTime> earliest() {
        return onDuplicatedContext() ? ContextLocals.<OffsetDateTime> get(KEY) : Optional.empty();
    }

    static void planned(OffsetDateTime dueAt) {
        if (!onDuplicatedContext()) {
            return;
        }
        Optional<OffsetDateTime> before = ContextLocals.get(KEY);
        if (before.isEmpty() || dueAt.isBefore(before.get())) {
            ContextLocals.put(KEY, dueAt);
        }
    }

    private static boolean onDuplicatedContext() {
        return VertxContext.isDuplicatedContext(Vertx.currentContext());
    }
}

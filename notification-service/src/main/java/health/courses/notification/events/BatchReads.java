package health.courses.notification.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Reads made once per consumed batch: a batch's events mostly share a clinic (its settings) and a patient (their
 * contact preferences), and nothing the consumer does changes either. Lives on the batch's Vert.x context, begun
 * afresh by each attempt of a batch's transaction; outside a batch every read goes to the database.
 */
public final class BatchReads {

    private static final String KEY = BatchReads.class.getName();

    private BatchReads() {
    }

    static void begin() {
        if (onDuplicatedContext()) {
            ContextLocals.put(KEY, new HashMap<Object, Object>());
        }
    }

    static void end() {
        if (onDuplicatedContext()) {
            ContextLocals.remove(KEY);
        }
    }

    /** The value read for {@code key} earlier in this batch, else {@code read}'s, kept for the rest of the batch. */
    @SuppressWarnings("unchecked")
    public static <V> Uni<V> once(Object key, Supplier<Uni<V>> read) {
        Optional<Map<Object, Object>> reads = onDuplicatedContext() ? ContextLocals.get(KEY) : Optional.empty();
        if (reads.isEmpty()) {
            return read.get();
        }
        if (reads.get().containsKey(key)) {
            return Uni.createFrom().item((V) reads.get().get(key));
        }
        return read.get().invoke(value -> reads.get().put(key, value));
    }

    private static boolean onDuplicatedContext() {
        return VertxContext.isDuplicatedContext(Vertx.currentContext());
    }
}

package health.courses.notification.events;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The consumer's hot statements, sent as they are to the reactive PostgreSQL client ({@code $1} parameters, Vert.x
 * values such as {@code UUID[]}) over the connection of the batch's transaction. The statements of a batch must
 * commit with its inbox rows and with what the other handlers write through Hibernate in the same transaction, so
 * they go through the transaction's own connection rather than the pool (as the dispatcher's {@code Claims} can);
 * what they skip is Hibernate's query interpretation and parameter binding, 25 % of the consumption row's CPU.
 * <p>
 * Anything Hibernate still holds unwritten is flushed first, as a native query would: a statement never overtakes
 * an entity change made earlier in the batch.
 */
public final class BatchSql {

    private BatchSql() {
    }

    /** Rows of a query (or of an {@code insert ... returning}), each as its column values. */
    public static Uni<List<Object[]>> select(String sql, Object... parameters) {
        return connection().chain(connection -> Uni.createFrom()
                .completionStage(() -> connection.select(sql, parameters)).map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                }));
    }

    /** The count of rows a statement changed. */
    public static Uni<Integer> update(String sql, Object... parameters) {
        return connection().chain(connection -> Uni.createFrom()
                .completionStage(() -> connection.update(sql, parameters)));
    }

    private static Uni<ReactiveConnection> connection() {
        return Panache.getSession().call(Mutiny.Session::flush)
                .map(session -> ((MutinySessionImpl) session).getReactiveConnection());
    }
}

package health.courses.scheduling.api;

import java.util.List;
import java.util.function.Function;

/** A page of a list and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    /** {@code fetched} holds up to limit + 1 rows; the extra row only proves a next page exists. */
    public static <E, T> Page<T> of(List<E> fetched, PageRequest request, Function<E, T> view,
            Function<E, String> cursorOf) {
        boolean more = fetched.size() > request.limit();
        List<E> shown = more ? fetched.subList(0, request.limit()) : fetched;
        return new Page<>(shown.stream().map(view).toList(), more ? cursorOf.apply(shown.get(shown.size() - 1)) : null);
    }
}

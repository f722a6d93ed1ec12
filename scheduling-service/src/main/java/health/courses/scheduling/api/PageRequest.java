package health.courses.scheduling.api;

import health.courses.scheduling.problem.InvalidInput;

/** {@code ?limit=&cursor=} of a list: limit 1-100, 50 when absent. */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInput("limit", "range", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor);
    }

    /** One more than the limit is fetched: its presence says whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }
}

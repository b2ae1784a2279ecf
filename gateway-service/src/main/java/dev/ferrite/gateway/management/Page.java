package dev.ferrite.gateway.management;

import java.util.List;

/** One page of a list, in EMQX's shape: {@code {"data": [...], "meta": {page, limit, count, hasnext}}}. */
public record Page<T>(List<T> data, Meta meta) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    /** @param count how many items all pages hold */
    public record Meta(int page, int limit, long count, boolean hasnext) {
    }

    /** The page of {@code all} (already filtered and sorted) that {@code page} and {@code limit} ask for. */
    static <T> Page<T> of(List<T> all, int page, int limit) {
        if (page < 1 || limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblems.invalidParameter("page must be at least 1 and limit between 1 and " + MAX_LIMIT
                    + ", were " + page + " and " + limit);
        }
        long from = (long) (page - 1) * limit;
        List<T> data = from >= all.size() ? List.of()
                : all.subList((int) from, (int) Math.min(all.size(), from + limit));
        return new Page<>(List.copyOf(data), new Meta(page, limit, all.size(), from + limit < all.size()));
    }
}

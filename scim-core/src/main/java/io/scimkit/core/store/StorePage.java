package io.scimkit.core.store;

import io.scimkit.core.resource.ScimResource;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of query results: the resources (with {@code id} and {@code meta}), the total number of
 * matches of the whole query (RFC 7644 §3.4.2.4 {@code totalResults}), and for cursor paging the
 * opaque cursors of the next and previous pages (RFC 9865 §2; {@code null} when there is none).
 * Cursor values use only RFC 3986 unreserved characters (RFC 9865 §2).
 */
public record StorePage(List<ScimResource> resources, long totalResults, @Nullable String nextCursor,
        @Nullable String previousCursor) {
    public StorePage {
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
        if (totalResults < resources.size()) {
            throw new IllegalArgumentException("totalResults counts at least the resources of the page");
        }
    }

    /**
     * The index page of a list of all matches, already in order: the matches from
     * {@code startIndex} on, at most {@code count} of them, with {@code totalResults} the size of
     * the list (RFC 7644 §3.4.2.4).
     */
    public static StorePage slice(List<ScimResource> matches, Paging.Index page) {
        int from = Math.min(matches.size(), page.offset());
        int to = (int) Math.min(matches.size(), (long) from + page.count());
        return of(matches.subList(from, to), matches.size());
    }

    /** An index page. */
    public static StorePage of(List<ScimResource> resources, long totalResults) {
        return new StorePage(resources, totalResults, null, null);
    }
}

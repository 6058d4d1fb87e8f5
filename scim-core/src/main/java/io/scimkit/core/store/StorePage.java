package io.scimkit.core.store;

import io.scimkit.core.resource.ScimResource;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of query results: the resources (with {@code id} and {@code meta}), the total number of
 * matches of the whole query (RFC 7644 §3.4.2.4 {@code totalResults}), and for cursor paging the
 * opaque cursors of the next and previous pages (RFC 9865 §2; {@code null} when there is none).
 * Cursor values use only RFC 3986 unreserved characters (C-PAG-02).
 */
public record StorePage(List<ScimResource> resources, long totalResults, @Nullable String nextCursor,
        @Nullable String previousCursor) {
    public StorePage {
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
        if (totalResults < resources.size()) {
            throw new IllegalArgumentException("totalResults counts at least the resources of the page");
        }
    }

    /** An index page. */
    public static StorePage of(List<ScimResource> resources, long totalResults) {
        return new StorePage(resources, totalResults, null, null);
    }
}

package io.scimkit.core.message.internal;

import io.scimkit.core.resource.ScimResource;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The response to a query (RFC 7644 §3.4.2; RFC 9865 §2): one page of resources, already
 * projected, and the paging members.
 *
 * <ul>
 *   <li>{@code totalResults} counts every match of the query, not only this page;
 *   <li>{@code itemsPerPage} is the number of resources on this page;
 *   <li>{@code startIndex} is the 1-based index of the first resource in index mode, and
 *       {@code null} in cursor mode (RFC 9865 §2);
 *   <li>{@code nextCursor} and {@code previousCursor} exist in cursor mode only; {@code nextCursor}
 *       is absent on the last page, {@code previousCursor} on the first.
 * </ul>
 */
public record ListResponse(List<ScimResource> resources, long totalResults, @Nullable Integer startIndex,
        @Nullable String nextCursor, @Nullable String previousCursor) {
    /** {@code urn:ietf:params:scim:api:messages:2.0:ListResponse}. */
    public static final String LIST_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    public ListResponse {
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
        if (totalResults < resources.size()) {
            throw new IllegalArgumentException("totalResults counts at least the resources of the page");
        }
        if (startIndex != null && startIndex < 1) {
            throw new IllegalArgumentException("startIndex is 1-based");
        }
        if (startIndex != null && (nextCursor != null || previousCursor != null)) {
            throw new IllegalArgumentException("a page is either index-paged or cursor-paged");
        }
    }

    /** An index-paged response (RFC 7644 §3.4.2.4). */
    public static ListResponse index(List<ScimResource> resources, long totalResults, int startIndex) {
        return new ListResponse(resources, totalResults, startIndex, null, null);
    }

    /** A cursor-paged response (RFC 9865 §2). */
    public static ListResponse cursor(List<ScimResource> resources, long totalResults, @Nullable String nextCursor,
            @Nullable String previousCursor) {
        return new ListResponse(resources, totalResults, null, nextCursor, previousCursor);
    }

    /** The number of resources on this page, {@code itemsPerPage}. */
    public int itemsPerPage() {
        return resources.size();
    }

    /** Whether this page was produced by cursor paging. */
    public boolean isCursorPage() {
        return startIndex == null;
    }
}

package io.scimkit.core.message.internal;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A query (RFC 7644 §3.4.3, RFC 9865 §3): the body of {@code POST .search}, and also the shape
 * the query parameters of {@code GET /{endpoint}} are read into, so that both run the same way.
 *
 * <p>Every member is optional and kept as the client sent it; what the values mean (count
 * clamping, sort resolution, filter parsing) is decided where the query runs:
 * <ul>
 *   <li>{@code attributes} and {@code excludedAttributes}: attribute names; in a URL each element
 *       may itself be a comma-separated list (RFC 7644 §3.9); empty when absent;
 *   <li>{@code filter}, {@code sortBy}, {@code sortOrder}: {@code null} when absent;
 *   <li>{@code startIndex}, {@code count}: {@code null} when absent;
 *   <li>{@code cursor}: {@code null} when absent, {@code ""} for the first page of a cursor query
 *       (RFC 9865 §2, §3), else an opaque value from an earlier page.
 * </ul>
 */
public record SearchRequest(List<String> schemas, List<String> attributes, List<String> excludedAttributes,
        @Nullable String filter, @Nullable String sortBy, @Nullable String sortOrder, @Nullable Integer startIndex,
        @Nullable Integer count, @Nullable String cursor) {
    /** {@code urn:ietf:params:scim:api:messages:2.0:SearchRequest}. */
    public static final String SEARCH_REQUEST_URN = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    public SearchRequest {
        schemas = List.copyOf(Objects.requireNonNull(schemas, "schemas"));
        attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
        excludedAttributes = List.copyOf(Objects.requireNonNull(excludedAttributes, "excludedAttributes"));
    }

    /** A request with no member set: every resource, first page, default projection. */
    public static SearchRequest empty() {
        return new SearchRequest(List.of(SEARCH_REQUEST_URN), List.of(), List.of(), null, null, null, null, null,
                null);
    }

    /** Whether the client asked for cursor paging: {@code cursor} was present, even empty. */
    public boolean usesCursor() {
        return cursor != null;
    }

    /** A copy with another filter. */
    public SearchRequest withFilter(@Nullable String newFilter) {
        return new SearchRequest(schemas, attributes, excludedAttributes, newFilter, sortBy, sortOrder, startIndex,
                count, cursor);
    }

    /** A copy with another sort. */
    public SearchRequest withSort(@Nullable String newSortBy, @Nullable String newSortOrder) {
        return new SearchRequest(schemas, attributes, excludedAttributes, filter, newSortBy, newSortOrder, startIndex,
                count, cursor);
    }

    /** A copy with other index-paging members. */
    public SearchRequest withPage(@Nullable Integer newStartIndex, @Nullable Integer newCount) {
        return new SearchRequest(schemas, attributes, excludedAttributes, filter, sortBy, sortOrder, newStartIndex,
                newCount, cursor);
    }

    /** A copy with another cursor ({@code ""} for the first page, {@code null} for index paging). */
    public SearchRequest withCursor(@Nullable String newCursor) {
        return new SearchRequest(schemas, attributes, excludedAttributes, filter, sortBy, sortOrder, startIndex,
                count, newCursor);
    }

    /** A copy with another projection. */
    public SearchRequest withAttributes(List<String> newAttributes, List<String> newExcludedAttributes) {
        return new SearchRequest(schemas, newAttributes, newExcludedAttributes, filter, sortBy, sortOrder,
                startIndex, count, cursor);
    }
}

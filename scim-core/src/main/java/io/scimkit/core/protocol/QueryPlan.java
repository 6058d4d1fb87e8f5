package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.message.internal.SearchRequest;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.SortOrder;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a query that do not depend on the resource type (RFC 7644 §3.4.2; RFC 9865 §2):
 * the parsed filter, the sort request as text, and the page wanted.
 *
 * <p>Decisions:
 * <ul>
 *   <li>an empty or blank {@code filter} counts as no filter;
 *   <li>{@code sortOrder} without {@code sortBy} is ignored, even an invalid one; with
 *       {@code sortBy} it must be {@code ascending} or {@code descending} (any case), else 400
 *       {@code invalidValue}; the default is ascending (RFC 7644 §3.4.2.3; the RFC does not say what
 *       an invalid {@code sortOrder} gets);
 *   <li>{@code count}: absent gives {@code defaultPageSize}, negative gives 0 (RFC 7644
 *       §3.4.2.4), above {@code maxResults} is clamped to it (the service provider may return
 *       fewer than asked, §3.4.2.4). The same in cursor mode: RFC 9865 §2 keeps RFC 7644's count
 *       rules, which is why a {@code count} outside 0..{@code maxPageSize} is clamped rather than
 *       answered with {@code invalidCount} (RFC 9865 §2.1 suggests {@code invalidCount}, which
 *       contradicts §2 for negative counts; one rule for both modes is simpler for clients);
 *   <li>{@code startIndex} below 1 is 1 (RFC 7644 §3.4.2.4);
 *   <li>{@code cursor} together with {@code startIndex}: 400 {@code invalidValue} (RFC 9865 does
 *       not say whether both may appear); a {@code cursor}, even empty, selects cursor paging;
 *       without either, index paging is the default (RFC 9865 §2.4: a service provider that
 *       offers both has a default, and one that adds cursors to index paging keeps index).
 * </ul>
 */
record QueryPlan(@Nullable Filter filter, @Nullable String sortBy, SortOrder sortOrder, Paging paging) {

    /**
     * Resolves a request.
     *
     * @throws ScimException 400 {@code invalidFilter} for a filter that does not parse within the
     *     limits, {@code invalidValue} for a bad {@code sortOrder} or cursor with startIndex
     */
    static QueryPlan of(SearchRequest request, ServiceLimits limits, FilterCache filters) {
        String filterText = request.filter();
        Filter filter = filterText == null || filterText.isBlank() ? null : filters.parse(filterText);
        String sortBy = request.sortBy() == null || request.sortBy().isBlank() ? null : request.sortBy().strip();
        SortOrder order = SortOrder.ASCENDING;
        if (sortBy != null && request.sortOrder() != null && !request.sortOrder().isBlank()) {
            order = SortOrder.fromToken(request.sortOrder().strip()).orElseThrow(() -> ScimException.invalidValue(
                    "sortOrder must be \"ascending\" or \"descending\" (RFC 7644 §3.4.2.3)"));
        }
        return new QueryPlan(filter, sortBy, order, paging(request, limits));
    }

    private static Paging paging(SearchRequest request, ServiceLimits limits) {
        Integer requested = request.count();
        int count = requested == null
                ? limits.defaultPageSize()
                : Math.max(0, Math.min(requested, limits.maxResults()));
        if (request.usesCursor()) {
            if (request.startIndex() != null) {
                throw ScimException.invalidValue(
                        "send either cursor or startIndex, not both: cursor and index paging do not mix");
            }
            return new Paging.Cursor(request.cursor(), count);
        }
        return new Paging.Index(request.startIndex() == null ? 1 : request.startIndex(), count);
    }

    /** Whether the page is wanted by cursor. */
    boolean cursorPaging() {
        return paging instanceof Paging.Cursor;
    }
}

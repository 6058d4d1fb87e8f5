package io.scimkit.core.protocol;

import io.scimkit.core.store.Paging;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.resource.ScimResource;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page cut out of matches the core holds (RFC 7644 §3.4.2.4, RFC 9865 §2), for queries whose
 * filtering, sorting or cursor paging the store could not do itself, and for queries across
 * resource types.
 *
 * @param items the page
 * @param total every match of the query ({@code totalResults})
 * @param nextCursor in cursor mode, the cursor of the next page unless this one reaches the end
 *     or asked for no items (leaving it out tells the client there are no more pages, RFC 9865 §2)
 * @param previousCursor in cursor mode, the cursor of the previous page unless this is the first,
 *     which never has one (RFC 9865 §2)
 */
record PageWindow<T>(List<T> items, long total, @Nullable String nextCursor, @Nullable String previousCursor) {

    PageWindow {
        items = List.copyOf(items);
    }

    /** The page of all matches (in order) the paging asks for. */
    static <T> PageWindow<T> of(List<T> matches, Paging paging, CursorScope scope) {
        if (paging instanceof Paging.Index index) {
            return new PageWindow<>(slice(matches, index.startIndex() - 1L, index.count()), matches.size(), null, null);
        }
        Paging.Cursor cursor = (Paging.Cursor) paging;
        int offset = scope.offset(cursor.cursor());
        return cursorPage(slice(matches, offset, cursor.count()), matches.size(), offset, cursor.count(), scope);
    }

    /** A cursor page of {@code count} items at most, starting at the 0-based {@code offset}. */
    static <T> PageWindow<T> cursorPage(List<T> page, long total, int offset, int count, CursorScope scope) {
        long end = (long) offset + page.size();
        String next = count > 0 && end < total && end <= Integer.MAX_VALUE ? scope.issue((int) end, count) : null;
        String previous = offset > 0 ? scope.issue(Math.max(0, offset - count), count) : null;
        return new PageWindow<>(page, Math.max(total, page.size()), next, previous);
    }

    /** This page as a store page (for resources). */
    static StorePage toStorePage(PageWindow<ScimResource> window) {
        return new StorePage(window.items(), window.total(), window.nextCursor(), window.previousCursor());
    }

    private static <T> List<T> slice(List<T> matches, long from, int count) {
        if (from >= matches.size()) {
            return List.of();
        }
        int start = (int) from;
        return matches.subList(start, (int) Math.min(matches.size(), (long) start + count));
    }
}

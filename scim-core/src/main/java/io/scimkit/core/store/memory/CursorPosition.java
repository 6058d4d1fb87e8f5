package io.scimkit.core.store.memory;

import org.jspecify.annotations.Nullable;

/**
 * Where a cursor points (RFC 9865 §2): the position of a resource in the query's total order
 * (its sort key, {@code null} for unsorted queries, and its creation sequence), and whether the
 * page wanted comes after it ({@code nextCursor}) or before it ({@code previousCursor}).
 */
record CursorPosition(boolean forward, @Nullable SortKey key, long sequence) {
}

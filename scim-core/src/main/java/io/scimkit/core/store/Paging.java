package io.scimkit.core.store;

import org.jspecify.annotations.Nullable;

/**
 * Which page of the matches a query wants: by 1-based index (RFC 7644 §3.4.2.4) or by cursor
 * (RFC 9865). {@code count} is already clamped to the service's maximum and is never negative.
 */
public sealed interface Paging permits Paging.Index, Paging.Cursor {

    /** The page size the client asked for, after clamping; 0 asks for the total only. */
    int count();

    /** Index paging: {@code startIndex} is 1-based (values below 1 are read as 1, RFC 7644 §3.4.2.4). */
    record Index(int startIndex, int count) implements Paging {
        public Index {
            startIndex = Math.max(1, startIndex);
            count = Math.max(0, count);
        }

        /** How many matches come before the page: {@code startIndex - 1}, the SQL {@code OFFSET}. */
        public int offset() {
            return startIndex - 1;
        }
    }

    /**
     * Cursor paging (RFC 9865 §2): {@code cursor} is {@code null} (or empty) for the first page,
     * else an opaque value the same store returned as {@code nextCursor}/{@code previousCursor}.
     */
    record Cursor(@Nullable String cursor, int count) implements Paging {
        public Cursor {
            count = Math.max(0, count);
            if (cursor != null && cursor.isEmpty()) {
                cursor = null;
            }
        }
    }
}

package io.scimkit.core.protocol;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The core cursors of one query (RFC 9865 §2): the service's {@link CoreCursors}, the text that
 * identifies the query (tenant, endpoint, filter, sort; a cursor of another query is rejected) and
 * the request time.
 */
record CursorScope(CoreCursors cursors, String query, Instant now) {

    /** The 0-based offset a cursor from an earlier page points at; 0 for the first page. */
    int offset(@Nullable String cursor) {
        return cursors.offset(cursor, query, now);
    }

    /** The cursor of the page of {@code count} resources that starts at this offset. */
    String issue(int offset, int count) {
        return cursors.issue(offset, count, query, now);
    }
}

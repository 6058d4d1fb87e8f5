package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.store.CursorPayload;
import io.scimkit.core.store.CursorSeal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The cursors the core issues (RFC 9865 §2) when it pages by cursor itself: for stores that do
 * not page by cursor, and for queries across resource types. A cursor is a {@link CursorPayload}
 * holding the offset of the page's first resource, the page size and the expiry, sealed with a
 * {@link CursorSeal} (HMAC-SHA256 over those and the query it belongs to: tenant, endpoint, filter,
 * sort) under a key drawn at random for this service instance.
 *
 * <ul>
 *   <li>Cursors are base64url without padding, so they hold only RFC 3986 unreserved characters
 *       and go into a URL as they are (RFC 9865 §2).
 *   <li>A malformed or tampered cursor, or one issued for another query or another tenant, is 400
 *       {@code invalidCursor} (RFC 9865 §2.1, §5); the detail does not say which.
 *   <li>A genuine cursor older than {@code cursorTimeout} is 400 {@code expiredCursor}.
 * </ul>
 *
 * <p>The key lives in memory: core cursors stay valid only on the service instance that issued
 * them. Stores that page by cursor themselves (keyset paging) do not have this limit. The offset
 * makes these cursors as stable as index paging: resources created or deleted before it shift the
 * pages, which clients must cope with (RFC 7644 §3.4.2.4). Immutable and thread-safe.
 */
final class CoreCursors {
    private final CursorSeal seal = CursorSeal.random();
    private final Duration timeout;

    CoreCursors(Duration timeout) {
        this.timeout = timeout;
    }

    /** A cursor for the page of {@code count} resources starting at this 0-based offset of the query's matches. */
    String issue(int offset, int count, String query, Instant now) {
        return CursorPayload.expiring(new CursorPayload.Offset(offset), count, now, timeout).seal(seal, query);
    }

    /**
     * The 0-based offset a cursor points at; {@code null} (a first page) is offset 0.
     *
     * @throws ScimException 400 {@code invalidCursor} or {@code expiredCursor}
     */
    int offset(@Nullable String cursor, String query, Instant now) {
        if (cursor == null) {
            return 0;
        }
        if (CursorPayload.open(seal, cursor, query, now).position() instanceof CursorPayload.Offset offset
                && offset.offset() <= Integer.MAX_VALUE) {
            return (int) offset.offset();
        }
        throw CursorPayload.invalidCursor();
    }
}

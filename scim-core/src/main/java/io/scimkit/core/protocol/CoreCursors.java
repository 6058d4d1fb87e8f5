package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.store.CursorSeal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The cursors the core issues (RFC 9865 §2) when it pages by cursor itself: for stores that do
 * not page by cursor, and for queries across resource types. A cursor holds the offset of the next
 * page's first resource and the time it was issued, sealed with a {@link CursorSeal} (HMAC-SHA256
 * over those and the query it belongs to: tenant, endpoint, filter, sort) under a key drawn at
 * random for this service instance.
 *
 * <ul>
 *   <li>Cursors are base64url without padding, so only RFC 3986 unreserved characters (C-PAG-02).
 *   <li>A malformed or tampered cursor, or one issued for another query or another tenant, is 400
 *       {@code invalidCursor} (C-PAG-07, C-PAG-09, C-PAG-17); the detail does not say which.
 *   <li>A genuine cursor older than {@code cursorTimeout} is 400 {@code expiredCursor}.
 * </ul>
 *
 * <p>The key lives in memory: core cursors stay valid only on the service instance that issued
 * them. Stores that page by cursor themselves (keyset paging) do not have this limit. The offset
 * makes these cursors as stable as index paging: inserts before it shift the pages (P-PAG-09).
 * Immutable and thread-safe.
 */
final class CoreCursors {
    private static final String FORMAT = "c1";

    private final CursorSeal seal = CursorSeal.random();
    private final Duration timeout;

    CoreCursors(Duration timeout) {
        this.timeout = timeout;
    }

    /** A cursor for the page starting at this 0-based offset of the query's matches. */
    String issue(int offset, String query, Instant now) {
        return seal.seal(query, FORMAT + "|" + offset + "|" + now.getEpochSecond());
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
        String[] parts = seal.open(cursor, query).split("\\|", -1);
        int offset;
        long issued;
        try {
            if (parts.length != 3 || !parts[0].equals(FORMAT)) {
                throw CursorSeal.invalid();
            }
            offset = Integer.parseInt(parts[1]);
            issued = Long.parseLong(parts[2]);
        } catch (NumberFormatException malformed) {
            throw CursorSeal.invalid();
        }
        if (offset < 0) {
            throw CursorSeal.invalid();
        }
        if (now.getEpochSecond() - issued > timeout.toSeconds()) {
            throw ScimException.expiredCursor("the cursor has expired; start the query again without a cursor value");
        }
        return offset;
    }
}

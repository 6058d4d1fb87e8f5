package io.scimkit.core.store.memory;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.store.CursorSeal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;


/**
 * Mints and checks the opaque cursors of RFC 9865 §2, sealed with a {@link CursorSeal} under a
 * random key of this store instance. The payload holds the direction, the expiry, the page size
 * and the keyset position; the seal covers the payload and the query it belongs to (tenant, resource type, canonical filter text, sort). So a cursor
 * that was tampered with, minted by another store instance, or used with another query or tenant
 * is rejected with {@code invalidCursor} (C-PAG-07, C-PAG-17); one older than the timeout with
 * {@code expiredCursor}; one used with another {@code count} with {@code invalidCount} (C-PAG-09).
 * Thread-safe; nothing is remembered per cursor, so invalidating them all costs nothing (drop the
 * store).
 */
final class CursorCodec {
    private static final String FORMAT = "1";

    private final CursorSeal seal = CursorSeal.random();
    private final Duration timeout;
    private final Clock clock;

    CursorCodec(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The cursor for a position in a query. */
    String encode(String query, int count, CursorPosition position) {
        long expires = clock.instant().plus(timeout).getEpochSecond();
        return seal.seal(query, String.join("|", FORMAT, position.forward() ? "n" : "p", Long.toString(expires),
                Integer.toString(count), Long.toString(position.sequence()),
                position.key() == null ? "" : position.key().encode()));
    }

    /**
     * The position a cursor holds, after checking it belongs to this query.
     *
     * @param sorted whether the query is sorted (its cursors carry a sort key)
     * @throws ScimException {@code invalidCursor}, {@code expiredCursor} or {@code invalidCount}
     */
    CursorPosition decode(String cursor, String query, int count, boolean sorted) {
        // From here on the payload is one this store minted for this query.
        String[] parts = seal.open(cursor, query).split("\\|", 6);
        try {
            if (parts.length != 6 || !parts[0].equals(FORMAT)) {
                throw CursorSeal.invalid();
            }
            if (Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(clock.instant())) {
                throw ScimException.expiredCursor("the cursor has expired; start the query again without a cursor"
                        + " (RFC 9865 §2.1)");
            }
            if (Integer.parseInt(parts[3]) != count) {
                throw ScimException.invalidCount("count must stay " + parts[3] + " while paging with this cursor"
                        + " (RFC 9865 §2.1)");
            }
            SortKey sortKey = parts[5].isEmpty() ? null : SortKey.decode(parts[5]);
            if ((sortKey != null) != sorted) {
                throw CursorSeal.invalid();
            }
            return new CursorPosition(parts[1].equals("n"), sortKey, Long.parseLong(parts[4]));
        } catch (RuntimeException malformed) {
            if (malformed instanceof ScimException scim) {
                throw scim;
            }
            throw CursorSeal.invalid();
        }
    }
}

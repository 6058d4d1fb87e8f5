package io.scimkit.core.store;

import io.scimkit.core.error.ScimException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What an opaque cursor of RFC 9865 §2 carries: where the page it asks for starts, the page size
 * ({@code count}) it was issued for, and when it expires. A store (or the core) that pages by cursor
 * mints one per {@code nextCursor} or {@code previousCursor} with {@link #seal} and reads the
 * client's back with {@link #open}; the {@link CursorSeal} makes sure only cursors it issued for the
 * same query come back, so nothing needs to be remembered per cursor:
 *
 * <pre>{@code
 * CursorSeal seal = CursorSeal.random();                          // one per store instance
 * String query = tenant + "\n" + filter + "\n" + sort;            // whatever identifies the query
 * String next = new CursorPayload(new CursorPayload.After(SortKey.of(last, sort), last.id().orElseThrow()),
 *         count, now.plus(timeout)).seal(seal, query);
 * ...
 * CursorPayload.Position from = CursorPayload.open(seal, cursor, query, now).requireCount(count).position();
 * }</pre>
 *
 * <p>The text inside the seal is this class's business and may change between versions; callers
 * see only the record. Errors (RFC 9865 §2.1), each a 400 whose detail does not say more than the
 * type: {@code invalidCursor} for a cursor that is malformed, altered, sealed under another key or
 * for another query (so another tenant's cursor gives nothing away, RFC 9865 §5),
 * {@code expiredCursor} for a genuine one past its expiry, and {@code invalidCount} when the
 * request's {@code count} differs from the one the cursor was issued for ({@link #requireCount}).
 *
 * @param position where the page starts
 * @param count the page size the cursor was issued for (at least 0)
 * @param expires when the cursor stops being accepted; kept to the second
 */
public record CursorPayload(Position position, int count, Instant expires) {
    private static final String FORMAT = "p1";

    public CursorPayload {
        Objects.requireNonNull(position, "position");
        if (count < 0) {
            throw new IllegalArgumentException("count is at least 0");
        }
        expires = Objects.requireNonNull(expires, "expires").truncatedTo(ChronoUnit.SECONDS);
    }

    /** A payload that expires {@code timeout} after {@code now}. */
    public static CursorPayload expiring(Position position, int count, Instant now, Duration timeout) {
        return new CursorPayload(position, count, now.plus(timeout));
    }

    /** Where a cursor's page starts in the query's order. */
    public sealed interface Position permits After, Before, Offset {
    }

    /**
     * A keyset position for {@code nextCursor}: the page holds the resources that come after this
     * one in the query's order, whatever was created or deleted since.
     *
     * @param key the resource's sort key ({@link SortKey#missing()} when the query is not sorted)
     * @param tieBreaker what orders resources with equal keys, unique per resource: the id, or a
     *     store's own creation sequence
     */
    public record After(SortKey key, String tieBreaker) implements Position {
        public After {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(tieBreaker, "tieBreaker");
        }
    }

    /**
     * A keyset position for {@code previousCursor}: the page holds the {@code count} resources that
     * come just before this one in the query's order.
     *
     * @param key the resource's sort key ({@link SortKey#missing()} when the query is not sorted)
     * @param tieBreaker what orders resources with equal keys, unique per resource
     */
    public record Before(SortKey key, String tieBreaker) implements Position {
        public Before {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(tieBreaker, "tieBreaker");
        }
    }

    /**
     * An offset position: the page starts at this 0-based index of the query's matches. As stable as
     * index paging (RFC 7644 §3.4.2.4): resources created or deleted before it shift the pages.
     *
     * @param offset the index, at least 0
     */
    public record Offset(long offset) implements Position {
        public Offset {
            if (offset < 0) {
                throw new IllegalArgumentException("offset is at least 0");
            }
        }
    }

    /** The cursor carrying this payload for the query (only RFC 3986 unreserved characters). */
    public String seal(CursorSeal seal, String query) {
        StringBuilder text = new StringBuilder(64).append(FORMAT).append('|').append(expires.getEpochSecond())
                .append('|').append(count).append('|');
        if (position instanceof Offset offset) {
            text.append('o').append(offset.offset());
        } else {
            boolean after = position instanceof After;
            SortKey key = after ? ((After) position).key() : ((Before) position).key();
            String tieBreaker = after ? ((After) position).tieBreaker() : ((Before) position).tieBreaker();
            // The tie-breaker is length-prefixed: neither it nor the key can shift into the other.
            text.append(after ? 'a' : 'b').append(tieBreaker.length()).append(':').append(tieBreaker)
                    .append(key.encode());
        }
        return seal.seal(query, text.toString());
    }

    /**
     * The payload of a cursor issued for this query that has not expired at {@code now}.
     *
     * @throws ScimException 400 {@code invalidCursor} or {@code expiredCursor}
     */
    public static CursorPayload open(CursorSeal seal, String cursor, String query, Instant now) {
        // From here on the text is one this seal's owner wrote for this query.
        String[] parts = seal.open(cursor, query).split("\\|", 4);
        CursorPayload payload;
        try {
            if (parts.length != 4 || !parts[0].equals(FORMAT)) {
                throw invalidCursor();
            }
            payload = new CursorPayload(position(parts[3]), Integer.parseInt(parts[2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[1])));
        } catch (IllegalArgumentException | IndexOutOfBoundsException | java.time.DateTimeException malformed) {
            throw invalidCursor();
        }
        if (now.isAfter(payload.expires())) {
            throw expiredCursor();
        }
        return payload;
    }

    /**
     * This payload, if the request pages with the {@code count} the cursor was issued for.
     *
     * @throws ScimException 400 {@code invalidCount} otherwise (RFC 9865 §2.1)
     */
    public CursorPayload requireCount(int requested) {
        if (requested != count) {
            throw ScimException.invalidCount("count must stay " + count + " while paging with this cursor"
                    + " (RFC 9865 §2.1)");
        }
        return this;
    }

    /** The {@code invalidCursor} error (RFC 9865 §2.1), the same whatever is wrong with the cursor. */
    public static ScimException invalidCursor() {
        return CursorSeal.invalid();
    }

    /** The {@code expiredCursor} error (RFC 9865 §2.1). */
    public static ScimException expiredCursor() {
        return ScimException.expiredCursor("the cursor has expired; start the query again without a cursor"
                + " (RFC 9865 §2.1)");
    }

    private static Position position(String text) {
        char kind = text.charAt(0);
        if (kind == 'o') {
            return new Offset(Long.parseLong(text.substring(1)));
        }
        if (kind != 'a' && kind != 'b') {
            throw new IllegalArgumentException("unknown position kind");
        }
        int colon = text.indexOf(':');
        int length = Integer.parseInt(text.substring(1, colon));
        String tieBreaker = text.substring(colon + 1, colon + 1 + length);
        SortKey key = SortKey.decode(text.substring(colon + 1 + length));
        return kind == 'a' ? new After(key, tieBreaker) : new Before(key, tieBreaker);
    }
}

package io.scimkit.jdbc;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.store.CursorSeal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The opaque cursors of RFC 9865 §2: {@code base64url(payload) "." base64url(mac)}, so only
 * unreserved characters (C-PAG-02). The payload holds the expiry, the page size and the position:
 * a keyset position (sort value and creation sequence of the last row of the page) or, for the
 * queries the store sorts or filters in Java, an offset. The MAC (HMAC-SHA256, 128 bits) covers
 * the payload and the query (tenant, resource type, filter, sort) under a secret kept in the
 * database, so every server on one database accepts the others' cursors, and a cursor that was
 * altered or belongs to another query or tenant is {@code invalidCursor} (C-PAG-07, C-PAG-17).
 */
final class CursorCodec {
    private final CursorSeal seal;
    private final Duration timeout;
    private final Clock clock;

    CursorCodec(byte[] secret, Duration timeout, Clock clock) {
        this.seal = CursorSeal.withSecret(secret);
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * A position in a query's results.
     *
     * @param keyset whether this is a keyset position ({@code sequence}, {@code key}) or an offset
     * @param number the creation sequence of the row (keyset) or the number of rows before the page
     * @param key the sort value of the row: String, Boolean or OffsetDateTime; {@code null} if none
     */
    record Position(boolean keyset, long number, @Nullable Object key) {
    }

    String encode(String query, int count, Position position) {
        long expires = clock.instant().plus(timeout).getEpochSecond();
        String payload = String.join("|", "1", Long.toString(expires), Integer.toString(count),
                position.keyset() ? "k" : "o", Long.toString(position.number()), encodeKey(position.key()));
        return seal.seal(query, payload);
    }

    /**
     * The position a cursor holds, after checking that it belongs to this query.
     *
     * @throws ScimException {@code invalidCursor}, {@code expiredCursor} or {@code invalidCount}
     */
    Position decode(String cursor, String query, int count) {
        String[] parts = seal.open(cursor, query).split("\\|", 6);
        if (parts.length != 6 || !parts[0].equals("1")) {
            throw invalid();
        }
        try {
            if (Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
                throw ScimException.expiredCursor("the cursor has expired; start the query again without a cursor"
                        + " (RFC 9865 §2.1)");
            }
            if (Integer.parseInt(parts[2]) != count) {
                throw ScimException.invalidCount("count must stay " + parts[2] + " while paging with this cursor"
                        + " (RFC 9865 §2.1)");
            }
            return new Position(parts[3].equals("k"), Long.parseLong(parts[4]), decodeKey(parts[5]));
        } catch (NumberFormatException | java.time.DateTimeException malformed) {
            throw invalid();
        }
    }

    private static String encodeKey(@Nullable Object key) {
        if (key == null) {
            return "-";
        }
        if (key instanceof Boolean flag) {
            return "b" + flag;
        }
        if (key instanceof OffsetDateTime time) {
            return "t" + time.toInstant();
        }
        return "s" + key;
    }

    private static @Nullable Object decodeKey(String text) {
        if (text.equals("-")) {
            return null;
        }
        String value = text.substring(1);
        return switch (text.charAt(0)) {
            case 'b' -> Boolean.valueOf(value);
            case 't' -> OffsetDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC);
            case 's' -> value;
            default -> throw invalid();
        };
    }

    private static ScimException invalid() {
        return CursorSeal.invalid();
    }
}

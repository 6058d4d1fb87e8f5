package io.scimkit.jdbc;

import io.scimkit.core.error.ScimException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration timeout;
    private final Clock clock;

    CursorCodec(byte[] secret, Duration timeout, Clock clock) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
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
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(query, bytes));
    }

    /**
     * The position a cursor holds, after checking that it belongs to this query.
     *
     * @throws ScimException {@code invalidCursor}, {@code expiredCursor} or {@code invalidCount}
     */
    Position decode(String cursor, String query, int count) {
        int dot = cursor.indexOf('.');
        if (dot < 0 || cursor.indexOf('.', dot + 1) >= 0) {
            throw invalid();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(cursor.substring(0, dot));
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(signature, mac(query, payload))) {
            throw invalid();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", 6);
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

    private byte[] mac(String query, byte[] payload) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        byte[] queryBytes = query.getBytes(StandardCharsets.UTF_8);
        // Length-prefixed, so no query text can be shifted into the payload.
        message.write(queryBytes.length >>> 24);
        message.write(queryBytes.length >>> 16);
        message.write(queryBytes.length >>> 8);
        message.write(queryBytes.length);
        message.writeBytes(queryBytes);
        message.writeBytes(payload);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(message.toByteArray()), 16);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is not available", missing);
        }
    }

    private static ScimException invalid() {
        return ScimException.invalidCursor("the cursor is not valid for this query (RFC 9865 §2.1)");
    }
}

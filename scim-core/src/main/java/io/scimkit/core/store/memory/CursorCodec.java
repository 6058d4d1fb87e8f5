package io.scimkit.core.store.memory;

import io.scimkit.core.error.ScimException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and checks the opaque cursors of RFC 9865 §2. A cursor is
 * {@code base64url(payload) "." base64url(mac)}: only unreserved characters (C-PAG-02). The
 * payload holds the direction, the expiry, the page size and the keyset position; the MAC is an
 * HMAC-SHA256 (truncated to 128 bits) under a random key of this store instance, over the payload
 * and the query it belongs to (tenant, resource type, canonical filter text, sort). So a cursor
 * that was tampered with, minted by another store instance, or used with another query or tenant
 * is rejected with {@code invalidCursor} (C-PAG-07, C-PAG-17); one older than the timeout with
 * {@code expiredCursor}; one used with another {@code count} with {@code invalidCount} (C-PAG-09).
 * Thread-safe; nothing is remembered per cursor, so invalidating them all costs nothing (drop the
 * store).
 */
final class CursorCodec {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final String FORMAT = "1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration timeout;
    private final Clock clock;

    CursorCodec(Duration timeout, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The cursor for a position in a query. */
    String encode(String query, int count, CursorPosition position) {
        long expires = clock.instant().plus(timeout).getEpochSecond();
        String payload = String.join("|", FORMAT, position.forward() ? "n" : "p", Long.toString(expires),
                Integer.toString(count), Long.toString(position.sequence()),
                position.key() == null ? "" : position.key().encode());
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(query, bytes));
    }

    /**
     * The position a cursor holds, after checking it belongs to this query.
     *
     * @param sorted whether the query is sorted (its cursors carry a sort key)
     * @throws ScimException {@code invalidCursor}, {@code expiredCursor} or {@code invalidCount}
     */
    CursorPosition decode(String cursor, String query, int count, boolean sorted) {
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
        // From here on the payload is one this store minted for this query.
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", 6);
        try {
            if (parts.length != 6 || !parts[0].equals(FORMAT)) {
                throw invalid();
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
                throw invalid();
            }
            return new CursorPosition(parts[1].equals("n"), sortKey, Long.parseLong(parts[4]));
        } catch (RuntimeException malformed) {
            if (malformed instanceof ScimException scim) {
                throw scim;
            }
            throw invalid();
        }
    }

    private byte[] mac(String query, byte[] payload) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        byte[] queryBytes = query.getBytes(StandardCharsets.UTF_8);
        // Length-prefixed, so no query text can be shifted into the payload or back.
        writeInt(message, queryBytes.length);
        message.writeBytes(queryBytes);
        message.writeBytes(payload);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(message.toByteArray()), MAC_BYTES);
        } catch (GeneralSecurityException missing) {
            // Every Java platform must provide HmacSHA256 (javax.crypto.Mac javadoc).
            throw new IllegalStateException("HmacSHA256 is not available", missing);
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static ScimException invalid() {
        return ScimException.invalidCursor("the cursor is not valid for this query (RFC 9865 §2.1)");
    }
}

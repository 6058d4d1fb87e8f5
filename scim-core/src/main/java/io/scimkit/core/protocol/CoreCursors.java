package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The cursors the core issues (RFC 9865 §2) when it pages by cursor itself: for stores that do
 * not page by cursor, and for queries across resource types. A cursor holds the offset of the next
 * page's first resource and the time it was issued, signed with HMAC-SHA256 (RFC 2104) over those
 * and the query it belongs to (tenant, endpoint, filter, sort), under a key drawn at random for
 * this service instance.
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
    private static final byte VERSION = 1;
    private static final int MAC_LENGTH = 16;
    private static final int PAYLOAD_LENGTH = 1 + Integer.BYTES + Long.BYTES;
    private static final int BLOCK = 64;

    private final byte[] key;
    private final Duration timeout;

    CoreCursors(Duration timeout) {
        this.key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.timeout = timeout;
    }

    /** A cursor for the page starting at this 0-based offset of the query's matches. */
    String issue(int offset, String query, Instant now) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_LENGTH + MAC_LENGTH);
        payload.put(VERSION).putInt(offset).putLong(now.getEpochSecond());
        payload.put(mac(Arrays.copyOf(payload.array(), PAYLOAD_LENGTH), query));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
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
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        // Only the canonical spelling: the last character's unused bits must be zero.
        if (bytes.length != PAYLOAD_LENGTH + MAC_LENGTH || bytes[0] != VERSION
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(cursor)) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(bytes, PAYLOAD_LENGTH);
        byte[] mac = Arrays.copyOfRange(bytes, PAYLOAD_LENGTH, bytes.length);
        if (!MessageDigest.isEqual(mac, mac(payload, query))) {
            throw invalid();
        }
        ByteBuffer fields = ByteBuffer.wrap(payload, 1, PAYLOAD_LENGTH - 1);
        int offset = fields.getInt();
        long issued = fields.getLong();
        if (offset < 0) {
            throw invalid();
        }
        if (now.getEpochSecond() - issued > timeout.toSeconds()) {
            throw ScimException.expiredCursor("the cursor has expired; start the query again without a cursor value");
        }
        return offset;
    }

    private static ScimException invalid() {
        return ScimException.invalidCursor("the cursor is not valid for this query");
    }

    /** HMAC-SHA256 (RFC 2104) of the payload and the query text, truncated to 16 bytes. */
    private byte[] mac(byte[] payload, String query) {
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            inner[i] = (byte) (k ^ 0x36);
            outer[i] = (byte) (k ^ 0x5c);
        }
        MessageDigest sha = sha256();
        sha.update(inner);
        sha.update(payload);
        sha.update(query.getBytes(StandardCharsets.UTF_8));
        byte[] innerHash = sha.digest();
        sha.update(outer);
        sha.update(innerHash);
        return Arrays.copyOf(sha.digest(), MAC_LENGTH);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException(impossible);
        }
    }
}

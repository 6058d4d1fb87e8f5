package io.scimkit.core.store;

import io.scimkit.core.error.ScimException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the opaque cursors of RFC 9865 §2 so that a store (or the core) can read back only cursors
 * it minted for the same query. A sealed cursor is {@code base64url(payload) "." base64url(mac)},
 * so it holds only RFC 3986 unreserved characters (RFC 9865 §2); the MAC is HMAC-SHA256, truncated to
 * 128 bits, over the length-prefixed query text (tenant, resource type, filter, sort: whatever the
 * caller says identifies the query) and the payload. A cursor that was altered, is not in canonical
 * base64url spelling, was sealed under another key, or belongs to another query is 400
 * {@code invalidCursor} (RFC 9865 §2.1), with the same detail whatever the reason.
 *
 * <p>What the payload holds (position, expiry, page size) is the caller's business. Immutable and
 * thread-safe.
 */
public final class CursorSeal {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    private CursorSeal(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** A seal under a fresh random key: its cursors are valid only for this instance. */
    public static CursorSeal random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new CursorSeal(secret);
    }

    /** A seal under a shared secret, e.g. one kept in a database so that several servers accept each other's cursors. */
    public static CursorSeal withSecret(byte[] secret) {
        if (Objects.requireNonNull(secret, "secret").length < 16) {
            throw new IllegalArgumentException("a cursor secret has at least 128 bits");
        }
        return new CursorSeal(secret);
    }

    /** The cursor carrying this payload for this query. */
    public String seal(String query, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(query, bytes));
    }

    /**
     * The payload of a cursor sealed for this query.
     *
     * @throws ScimException 400 {@code invalidCursor} for anything else
     */
    public String open(String cursor, String query) {
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
        // Only the canonical spelling: a changed last character whose unused bits the decoder ignores is refused too.
        String canonical = ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature);
        if (!canonical.equals(cursor) || !MessageDigest.isEqual(signature, mac(query, payload))) {
            throw invalid();
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The {@code invalidCursor} error every refusal of a cursor gives. */
    public static ScimException invalid() {
        return ScimException.invalidCursor("the cursor is not valid for this query (RFC 9865 §2.1)");
    }

    private byte[] mac(String query, byte[] payload) {
        ByteArrayOutputStream message = new ByteArrayOutputStream(payload.length + query.length() + 8);
        byte[] queryBytes = query.getBytes(StandardCharsets.UTF_8);
        // Length-prefixed, so no query text can be shifted into the payload or back.
        message.write(queryBytes.length >>> 24);
        message.write(queryBytes.length >>> 16);
        message.write(queryBytes.length >>> 8);
        message.write(queryBytes.length);
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
}

package io.scimkit.examples.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, sent in the {@value #HEADER} header as
 * {@code t=<unix seconds>,v1=<hex>}: {@code v1} is the lower-case hex HMAC-SHA256 (RFC 2104,
 * FIPS 180-4) keyed with the shared secret's UTF-8 bytes over the ASCII timestamp, a full stop and
 * the raw request body, i.e. {@code HMAC(secret, t + "." + body)}.
 *
 * <p>A receiver recomputes {@code v1} from the header's {@code t} and the body bytes exactly as
 * received (before parsing JSON), compares it in constant time, and refuses a {@code t} further than
 * a few minutes from its own clock, so that a recorded delivery cannot be replayed later.
 * {@link #verify} does exactly that. Stateless and thread-safe.
 */
public final class WebhookSignature {
    /** The request header that carries the signature. */
    public static final String HEADER = "X-Scimkit-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;

    /**
     * @param secret the shared secret; at least 16 characters
     * @throws IllegalArgumentException for a shorter one
     */
    public WebhookSignature(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.strip().length() < 16) {
            throw new IllegalArgumentException("the events secret has at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The header value for a delivery of {@code body} at {@code time}: {@code t=<seconds>,v1=<hex>}. */
    public String header(Instant time, byte[] body) {
        long seconds = time.getEpochSecond();
        return "t=" + seconds + ",v1=" + HEX.formatHex(mac(seconds, body));
    }

    /**
     * Whether {@code header} is a valid signature of {@code body} made within {@code tolerance} of
     * {@code now}: what a receiver checks before it trusts a delivery.
     */
    public boolean verify(String header, byte[] body, Instant now, Duration tolerance) {
        Long seconds = null;
        byte[] given = null;
        for (String part : header.split(",")) {
            String item = part.strip();
            try {
                if (item.startsWith("t=")) {
                    seconds = Long.parseLong(item.substring(2));
                } else if (item.startsWith("v1=")) {
                    given = HEX.parseHex(item.substring(3));
                }
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        if (seconds == null || given == null
                || Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(mac(seconds, body), given);
    }

    private byte[] mac(long seconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", unavailable);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[<redacted>]";
    }
}

package io.scimkit.core.dialect;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a request body whose {@code Content-Type} declares a {@code charset} other than UTF-8 is read
 * (RFC 7644 §3.8: SCIM bodies are UTF-8; the RFC requires servers to accept UTF-8, not to refuse
 * anything else). The one place that decides; see {@link DialectRule#DECLARED_REQUEST_CHARSET}.
 *
 * <ul>
 *   <li>Every dialect: a body under a charset the JVM knows is decoded as declared and handed on as
 *       UTF-8 (HTTP's own rule, RFC 9110 §8.3.2); plain ASCII under an ASCII-compatible charset such
 *       as ISO-8859-1, which REST Assured declares by default, is passed on as it is.
 *   <li>With the rule: a body that is valid UTF-8 under an ASCII-compatible or unknown label is
 *       read as UTF-8 and counted (a mislabelled UTF-8 body is common; Latin-1 text with accented
 *       letters is practically never valid UTF-8).
 *   <li>Everything else cannot be read as declared: empty, for the caller to answer 415.
 * </ul>
 */
final class RequestCharsets {
    /** Printable ASCII and the JSON whitespace: what an ASCII-compatible charset encodes byte for byte. */
    private static final String PROBE;
    private static final byte[] PROBE_BYTES;

    static {
        StringBuilder probe = new StringBuilder("\t\n\r");
        for (char c = ' '; c < 0x7f; c++) {
            probe.append(c);
        }
        PROBE = probe.toString();
        PROBE_BYTES = PROBE.getBytes(US_ASCII);
    }

    private RequestCharsets() {
    }

    /**
     * The body as UTF-8 bytes, or empty if it cannot be read as declared.
     *
     * @param label the {@code charset} parameter's value, without quotes
     */
    static Optional<byte[]> read(byte[] body, String label, Firings firings) {
        Charset declared = known(label);
        if (declared != null && declared.equals(UTF_8)) {
            return Optional.of(body);
        }
        boolean asciiCompatible = declared != null && asciiCompatible(declared);
        if (asciiCompatible && isAscii(body)) {
            return Optional.of(body);
        }
        if ((declared == null || asciiCompatible) && firings.on(DialectRule.DECLARED_REQUEST_CHARSET)
                && decode(body, UTF_8) != null) {
            firings.fire(DialectRule.DECLARED_REQUEST_CHARSET);
            return Optional.of(body);
        }
        String text = declared == null ? null : decode(body, declared);
        return text == null ? Optional.empty() : Optional.of(text.getBytes(UTF_8));
    }

    private static @Nullable Charset known(String label) {
        try {
            return Charset.isSupported(label) ? Charset.forName(label) : null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return null;
        }
    }

    private static boolean asciiCompatible(Charset charset) {
        return charset.canEncode() && Arrays.equals(PROBE.getBytes(charset), PROBE_BYTES);
    }

    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The text, or {@code null} if the bytes are malformed in the charset. */
    private static @Nullable String decode(byte[] body, Charset charset) {
        try {
            CharBuffer text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return text.toString();
        } catch (CharacterCodingException malformed) {
            return null;
        }
    }
}

package io.scimkit.core.value;

import java.util.Base64;
import java.util.Objects;

/**
 * A SCIM {@code binary} value (RFC 7643 §2.3.6): base64 text, kept exactly as sent. Binary values
 * are case-exact.
 */
public record BinaryValue(String base64) implements ScimValue {
    public BinaryValue {
        Objects.requireNonNull(base64, "base64");
    }

    /** The value for the given base64 text. */
    public static BinaryValue of(String base64) {
        return new BinaryValue(base64);
    }

    /**
     * Decodes the text, accepting base64 and base64url (RFC 4648 §4, §5) with or without {@code =}
     * padding (RFC 7643 §2.3.6). Line breaks and other white space, as in wrapped PEM-style text, are
     * ignored; every other character outside the alphabet is an error.
     *
     * @throws IllegalArgumentException if the text is not base64
     */
    public byte[] decode() {
        StringBuilder compact = new StringBuilder(base64.length());
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                compact.append(c);
            }
        }
        String text = compact.toString();
        // The MIME decoder would silently skip any character outside the alphabet, turning garbage
        // into bytes; the basic and URL decoders reject it.
        if (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) {
            return Base64.getUrlDecoder().decode(text);
        }
        return Base64.getDecoder().decode(text);
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitBinary(this);
    }
}

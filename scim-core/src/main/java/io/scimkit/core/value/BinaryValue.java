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
     * Decodes the text, accepting base64 and base64url with or without {@code =} padding.
     *
     * @throws IllegalArgumentException if the text is not base64
     */
    public byte[] decode() {
        String text = base64.trim();
        if (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) {
            return Base64.getUrlDecoder().decode(text);
        }
        return Base64.getMimeDecoder().decode(text);
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitBinary(this);
    }
}

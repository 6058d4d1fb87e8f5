package io.scimkit.core.schema;

import java.util.Optional;

/**
 * The data type of an attribute (RFC 7643 §2.3). {@code binary} is included although the §7 list of
 * types leaves it out: the User schema's {@code x509Certificates.value} uses it.
 */
public enum AttributeType implements Tokens.Token {
    STRING("string"),
    BOOLEAN("boolean"),
    DECIMAL("decimal"),
    INTEGER("integer"),
    DATE_TIME("dateTime"),
    BINARY("binary"),
    REFERENCE("reference"),
    COMPLEX("complex");

    private final String token;

    AttributeType(String token) {
        this.token = token;
    }

    /** The characteristic value as written in a schema representation (RFC 7643 §7). */
    @Override
    public String token() {
        return token;
    }

    /** Looks a token up, ignoring case. */
    public static Optional<AttributeType> fromToken(String token) {
        return Tokens.find(values(), token);
    }

    @Override
    public String toString() {
        return token;
    }
}

package io.scimkit.core.schema;

import java.util.Optional;

/** Whether and when a client may change an attribute (RFC 7643 §7, {@code mutability}). */
public enum Mutability implements Tokens.Token {
    READ_ONLY("readOnly"),
    READ_WRITE("readWrite"),
    IMMUTABLE("immutable"),
    WRITE_ONLY("writeOnly");

    private final String token;

    Mutability(String token) {
        this.token = token;
    }

    /** The characteristic value as written in a schema representation (RFC 7643 §7). */
    @Override
    public String token() {
        return token;
    }

    /** Looks a token up, ignoring case. */
    public static Optional<Mutability> fromToken(String token) {
        return Tokens.find(values(), token);
    }

    @Override
    public String toString() {
        return token;
    }
}

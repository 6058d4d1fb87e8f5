package io.scimkit.core.schema;

import java.util.Optional;

/** The scope in which an attribute value must be unique (RFC 7643 §7, {@code uniqueness}). */
public enum Uniqueness implements Tokens.Token {
    NONE("none"),
    SERVER("server"),
    GLOBAL("global");

    private final String token;

    Uniqueness(String token) {
        this.token = token;
    }

    /** The characteristic value as written in a schema representation (RFC 7643 §7). */
    @Override
    public String token() {
        return token;
    }

    /** Looks a token up, ignoring case. */
    public static Optional<Uniqueness> fromToken(String token) {
        return Tokens.find(values(), token);
    }

    @Override
    public String toString() {
        return token;
    }
}

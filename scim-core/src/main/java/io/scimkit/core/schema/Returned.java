package io.scimkit.core.schema;

import java.util.Optional;

/** When an attribute appears in a response (RFC 7643 §7, {@code returned}). */
public enum Returned implements Tokens.Token {
    ALWAYS("always"),
    NEVER("never"),
    DEFAULT("default"),
    REQUEST("request");

    private final String token;

    Returned(String token) {
        this.token = token;
    }

    /** The characteristic value as written in a schema representation (RFC 7643 §7). */
    @Override
    public String token() {
        return token;
    }

    /** Looks a token up, ignoring case. */
    public static Optional<Returned> fromToken(String token) {
        return Tokens.find(values(), token);
    }

    @Override
    public String toString() {
        return token;
    }
}

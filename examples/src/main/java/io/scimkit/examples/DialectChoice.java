package io.scimkit.examples;

import io.scimkit.core.dialect.ClientDialect;

/**
 * The {@code --dialect} values: how much of Entra's non-RFC traffic the server accepts (the quirks
 * are listed in {@code docs/entra-quirks.md}).
 */
public enum DialectChoice {
    /** RFC 7644 as written: Entra's string booleans, capitalised ops and similar are refused. */
    STRICT,
    /** Accepts what Microsoft Entra ID and other real clients send (the default). */
    LENIENT;

    /** The core dialect this choice stands for. */
    public ClientDialect dialect() {
        return this == STRICT ? ClientDialect.strict() : ClientDialect.lenient();
    }
}

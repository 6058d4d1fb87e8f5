package io.scimkit.examples;

import java.util.Objects;

/**
 * A bearer secret the operator configured (RFC 6750 §2.1), and where it came from. Its
 * {@link #toString()} never shows the value, so it is safe inside records that get logged.
 *
 * @param value the secret
 * @param origin where it was read, for the start-up message ("from --token", "from SCIM_TOKEN")
 */
public record ConfiguredToken(String value, String origin) {
    public ConfiguredToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a bearer token is not blank");
        }
    }

    @Override
    public String toString() {
        return "ConfiguredToken[<redacted> " + origin + "]";
    }
}

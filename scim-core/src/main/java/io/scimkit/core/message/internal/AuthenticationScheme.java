package io.scimkit.core.message.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code authenticationSchemes} in the service provider configuration (RFC 7643 §5):
 * the scheme's {@code type} ({@code oauth}, {@code oauth2}, {@code oauthbearertoken},
 * {@code httpbasic}, {@code httpdigest}), its {@code name} and {@code description}, optional
 * {@code specUri} and {@code documentationUri}, and {@code primary} as in the RFC 7643 §8.5
 * example (the schema in §8.7.2 does not define it; clients accept it).
 */
public record AuthenticationScheme(String type, String name, String description, @Nullable String specUri,
        @Nullable String documentationUri, boolean primary) {

    public AuthenticationScheme {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /**
     * OAuth 2.0 bearer tokens (RFC 6750), the scheme Entra ID provisioning uses with its
     * "Secret Token".
     */
    public static AuthenticationScheme oauthBearerToken() {
        return new AuthenticationScheme("oauthbearertoken", "OAuth Bearer Token",
                "Authentication scheme using the OAuth Bearer Token Standard",
                "https://www.rfc-editor.org/info/rfc6750", null, true);
    }
}

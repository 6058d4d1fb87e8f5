package io.scimkit.examples;

import io.scimkit.core.store.StoreContext;
import io.scimkit.jaxrs.BearerTokenAuthenticator;
import io.scimkit.jaxrs.ScimAuthenticator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who may call the server (RFC 7644 §2, bearer tokens per RFC 6750) and what the operator is told
 * about it at start. The rule: a token given by flag, environment or file is never printed; a
 * generated one is printed once, because nobody else knows it.
 *
 * @param authenticator checks each request's {@code Authorization} header
 * @param startupLines what to print at start; the only secret in them is a generated token
 */
public record Credentials(ScimAuthenticator authenticator, List<String> startupLines) {
    /** 32 random bytes: 256 bits of entropy (RFC 7644 §7.4). */
    private static final int GENERATED_TOKEN_BYTES = 32;

    public Credentials {
        Objects.requireNonNull(authenticator, "authenticator");
        startupLines = List.copyOf(startupLines);
    }

    /**
     * The credentials the options ask for: the tenants file, else the configured token, else a
     * freshly generated token.
     *
     * @throws IllegalArgumentException if both a token and a tenants file are configured, or the file is malformed
     */
    public static Credentials from(ServerOptions options, SecureRandom random) {
        if (options.tenantsFile() != null) {
            if (options.token() != null) {
                throw new IllegalArgumentException("--tenants and --token (" + options.token().origin()
                        + ") exclude each other: give every tenant its token in the tenants file");
            }
            TenantsFile file = TenantsFile.read(options.tenantsFile());
            BearerTokenAuthenticator.Builder builder = BearerTokenAuthenticator.builder();
            List<String> tenants = new ArrayList<>();
            for (Map.Entry<String, List<String>> entry : file.tokensByTenant().entrySet()) {
                TokenList.addTo(builder, entry.getKey(), entry.getValue());
                int count = entry.getValue().size();
                tenants.add(entry.getKey() + (count == 1 ? "" : " (" + count + " tokens)"));
            }
            List<String> lines = new ArrayList<>();
            lines.add("Secret Token: each tenant's token from " + options.tenantsFile() + " (not shown); tenants: "
                    + String.join(", ", tenants));
            file.warnings().forEach(warning -> lines.add("WARNING: " + warning));
            return new Credentials(builder.build(), lines);
        }
        if (options.token() != null) {
            List<String> items;
            try {
                items = TokenList.parse(options.token().value());
            } catch (IllegalArgumentException malformed) {
                throw new IllegalArgumentException("the token " + options.token().origin() + " " + malformed.getMessage());
            }
            BearerTokenAuthenticator.Builder builder = BearerTokenAuthenticator.builder();
            TokenList.addTo(builder, StoreContext.DEFAULT_TENANT, items);
            return new Credentials(builder.build(), List.of("Secret Token: " + options.token().origin() + " (not shown"
                    + (items.size() == 1 ? ")" : "; " + items.size() + " tokens accepted)")));
        }
        String generated = generateToken(random);
        return new Credentials(BearerTokenAuthenticator.singleTenant(generated), List.of(
                "Secret Token (generated; shown only now, set SCIM_TOKEN to keep one across restarts):",
                "  " + generated));
    }

    /** A random URL-safe token: 32 bytes, Base64url without padding (43 characters, an RFC 6750 b64token). */
    static String generateToken(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Credentials[" + authenticator + "]";
    }
}

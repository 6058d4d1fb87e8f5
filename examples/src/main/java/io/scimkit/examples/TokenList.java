package io.scimkit.examples;

import io.scimkit.jaxrs.BearerTokenAuthenticator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tokens of one tenant as the example server is configured with them (tenants file, {@code SCIM_TOKEN}):
 * comma-separated, each either a bearer token (RFC 6750 §2.1 {@code b64token}, which never contains a
 * comma) or {@code sha256:} and the 64 hexadecimal digits of its SHA-256 hash, so that the configuration
 * holds no secret. Two tokens at once let an administrator rotate Entra's Secret Token without an outage.
 * Messages never contain a token or a hash.
 */
final class TokenList {
    /** The prefix of a hashed token. */
    static final String SHA256 = "sha256:";

    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern HEX64 = Pattern.compile("[0-9A-Fa-f]{64}");

    private TokenList() {
    }

    /**
     * The checked items of a comma-separated value.
     *
     * @throws IllegalArgumentException (prefix it with the place) for an empty item, a short or malformed
     *         token or a malformed hash
     */
    static List<String> parse(String value) {
        List<String> items = new ArrayList<>();
        for (String raw : value.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("has an empty token");
            }
            if (isHash(item)) {
                if (!HEX64.matcher(item.substring(SHA256.length())).matches()) {
                    throw new IllegalArgumentException("has a " + SHA256 + " value that is not 64 hexadecimal digits");
                }
            } else if (item.length() < BearerTokenAuthenticator.MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("has a token shorter than " + BearerTokenAuthenticator.MIN_TOKEN_LENGTH
                        + " characters (RFC 7644 §7.4: enough entropy)");
            } else if (!B64TOKEN.matcher(item).matches()) {
                throw new IllegalArgumentException("has a token with characters a bearer token cannot have "
                        + "(RFC 6750 §2.1: letters, digits, -._~+/ and trailing =)");
            }
            items.add(item);
        }
        return items;
    }

    /** The lower-case hex SHA-256 hash an item stands for: its own for a token, the given one for a hash. */
    static String hashOf(String item) {
        return isHash(item) ? item.substring(SHA256.length()).toLowerCase(Locale.ROOT)
                : BearerTokenAuthenticator.sha256Hex(item);
    }

    /** {@code sha256:} and the hash of a token, as the tenants file and {@code SCIM_TOKEN} accept it. */
    static String hashed(String token) {
        List<String> items = parse(token);
        if (items.size() != 1 || isHash(items.get(0))) {
            throw new IllegalArgumentException("is not one bearer token");
        }
        return SHA256 + hashOf(items.get(0));
    }

    /** Accepts each item of a checked list for the tenant. */
    static void addTo(BearerTokenAuthenticator.Builder builder, String tenant, List<String> items) {
        items.forEach(item -> builder.configuredTokens(tenant, item));
    }

    private static boolean isHash(String item) {
        return item.regionMatches(true, 0, SHA256, 0, SHA256.length());
    }
}

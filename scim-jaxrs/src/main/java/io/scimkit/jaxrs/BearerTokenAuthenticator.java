package io.scimkit.jaxrs;

import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.store.StoreContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Bearer-token authentication (RFC 6750 §2.1, the scheme Entra ID's "Secret Token" uses): each accepted
 * token belongs to one tenant, and a request carrying it acts as that tenant's principal.
 *
 * <p>Only SHA-256 digests of the tokens are kept. A presented token is hashed and compared with every
 * configured digest by {@link MessageDigest#isEqual}, which takes the same time wherever the bytes
 * differ; since all digests are 32 bytes, neither a token's content nor its length leaks through
 * timing, and every configured token is compared on every request so its position does not leak
 * either. Tokens are never logged, and {@link #toString()} names only tenants.
 *
 * <p>A configuration may hold the SHA-256 hash of a token ({@link #sha256Hex(String)},
 * {@link Builder#tokenSha256(String, String)}) instead of the token itself, so that no file or property
 * holds the secret. A tenant may have several tokens at once: to rotate the Secret Token without an
 * outage, configure the new token next to the old one, change it in the identity provider, then remove
 * the old one.
 *
 * <p>Refused (401): no {@code Authorization} header, more than one, a scheme other than
 * {@code Bearer}, an empty or syntactically invalid token (RFC 6750 {@code b64token}), or an unknown
 * token.
 *
 * <pre>{@code
 * ScimAuthenticator single = BearerTokenAuthenticator.singleTenant(System.getenv("SCIM_TOKEN"));
 * ScimAuthenticator many = BearerTokenAuthenticator.builder()
 *         .token("contoso", contosoToken)
 *         .token("fabrikam", fabrikamToken)
 *         .tokenSha256("fabrikam", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
 *         .build();
 * }</pre>
 */
public final class BearerTokenAuthenticator implements ScimAuthenticator {
    /**
     * The shortest accepted token. RFC 7644 §7.4 asks for tokens with enough entropy; 16 characters
     * is a floor, not a recommendation (generate 32 random bytes, Base64url-encoded).
     */
    public static final int MIN_TOKEN_LENGTH = 16;

    private static final String SCHEME = "Bearer";
    private static final String SHA256_PREFIX = "sha256:";

    private final List<Grant> grants;

    private BearerTokenAuthenticator(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /** One token, mapped to the default tenant ({@value StoreContext#DEFAULT_TENANT}). */
    public static BearerTokenAuthenticator singleTenant(String token) {
        return builder().token(StoreContext.DEFAULT_TENANT, token).build();
    }

    /** A builder for several tenants, or several tokens of one tenant (for rotation). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AuthResult authenticate(HttpHeaders headers) {
        List<String> values = headers.all("Authorization");
        if (values.isEmpty()) {
            return AuthResult.refused("authentication required: send Authorization: Bearer <token>");
        }
        if (values.size() > 1) {
            return AuthResult.refused("malformed Authorization header: sent more than once");
        }
        String value = values.get(0).strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            return AuthResult.refused("malformed Authorization header: the scheme must be Bearer");
        }
        String token = space < 0 ? "" : value.substring(space + 1).strip();
        if (!isB64Token(token)) {
            return AuthResult.refused("malformed Authorization header: no valid bearer token");
        }
        byte[] presented = digest(token);
        ScimPrincipal match = null;
        for (Grant grant : grants) {
            // No early exit: every digest is compared, whichever one matches.
            if (MessageDigest.isEqual(grant.digest(), presented) && match == null) {
                match = grant.principal();
            }
        }
        return match == null ? AuthResult.refused("invalid bearer token") : AuthResult.authenticated(match);
    }

    /** Names the tenants and the number of tokens; never a token or a digest. */
    @Override
    public String toString() {
        TreeSet<String> tenants = new TreeSet<>();
        grants.forEach(grant -> tenants.add(grant.principal().tenant()));
        return "BearerTokenAuthenticator[tenants=" + tenants + ", tokens=" + grants.size() + "]";
    }

    /**
     * Whether the text is an RFC 6750 §2.1 {@code b64token}:
     * {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. Checked by hand: it runs
     * on every request, where a regular expression would cost a matcher per call.
     */
    static boolean isB64Token(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * The SHA-256 hash of a token's UTF-8 bytes as 64 lower-case hexadecimal digits, as
     * {@link Builder#tokenSha256(String, String)} accepts it: what to store instead of the token.
     */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(digest(Objects.requireNonNull(token, "token")));
    }

    /**
     * The SHA-256 digest of a token's UTF-8 bytes: always 32 bytes, whatever the token's length. Each
     * call hashes with its own clone of an unused SHA-256 instance: looking the algorithm up in the
     * security providers on every request costs more than hashing a token.
     */
    static byte[] digest(String token) {
        return sha256().digest(token.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) Sha256.UNUSED.clone();
        } catch (CloneNotSupportedException notCloneable) {
            return Sha256.newInstance();
        }
    }

    /** An SHA-256 instance that is never updated, only cloned (reading its state from many threads). */
    private static final class Sha256 {
        static final MessageDigest UNUSED = newInstance();

        private Sha256() {
        }

        static MessageDigest newInstance() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                // Every Java platform must provide SHA-256 (MessageDigest's specification).
                throw new IllegalStateException("SHA-256 is not available", impossible);
            }
        }
    }

    /** One accepted token (as its digest) and the principal it authenticates. */
    private record Grant(byte[] digest, ScimPrincipal principal) {
    }

    /** Collects tenant/token pairs; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private final List<Grant> grants = new ArrayList<>();

        private Builder() {
        }

        /**
         * Accepts {@code token} for {@code tenant}.
         *
         * @throws IllegalArgumentException if the tenant is empty, the token is shorter than
         *         {@value #MIN_TOKEN_LENGTH} characters or not an RFC 6750 {@code b64token}, or the same
         *         token is already configured (the message never contains the token)
         */
        public Builder token(String tenant, String token) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(token, "token");
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("a bearer token has at least " + MIN_TOKEN_LENGTH
                        + " characters (RFC 7644 §7.4: enough entropy)");
            }
            if (!isB64Token(token)) {
                throw new IllegalArgumentException("a bearer token consists of letters, digits and -._~+/ "
                        + "with optional trailing '=' (RFC 6750 §2.1)");
            }
            return add(tenant, digest(token), "token");
        }

        /**
         * Accepts, for {@code tenant}, the token whose SHA-256 hash is {@code sha256Hex}
         * ({@link #sha256Hex(String)}: 64 hexadecimal digits, either case), so that the configuration
         * holds no secret. The token's length and syntax cannot be checked from its hash: hash only
         * tokens {@link #token(String, String)} would accept.
         *
         * @throws IllegalArgumentException if the tenant is empty, the hash is not 64 hexadecimal digits,
         *         or the same token is already configured (the message never contains the hash)
         */
        public Builder tokenSha256(String tenant, String sha256Hex) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(sha256Hex, "sha256Hex");
            if (sha256Hex.length() != 64 || !sha256Hex.chars().allMatch(HexFormat::isHexDigit)) {
                throw new IllegalArgumentException("a SHA-256 token hash is 64 hexadecimal digits");
            }
            return add(tenant, HexFormat.of().parseHex(sha256Hex), "token hash");
        }

        /**
         * Accepts, for {@code tenant}, each token of a configuration value: comma-separated items (a bearer
         * token never contains a comma), each a token as {@link #token(String, String)} takes it or
         * {@code sha256:} and its hash as {@link #tokenSha256(String, String)} takes it. Two items let a
         * tenant rotate its token without an outage: {@code sha256:<new>,sha256:<old>}.
         *
         * @throws IllegalArgumentException as those two methods do (the message never contains a token
         *         or a hash)
         */
        public Builder configuredTokens(String tenant, String value) {
            Objects.requireNonNull(value, "value");
            for (String item : value.split(",", -1)) {
                String token = item.strip();
                if (token.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length())) {
                    tokenSha256(tenant, token.substring(SHA256_PREFIX.length()));
                } else {
                    token(tenant, token);
                }
            }
            return this;
        }

        private Builder add(String tenant, byte[] digest, String what) {
            if (tenant.isEmpty()) {
                throw new IllegalArgumentException("a tenant name is not empty");
            }
            @Nullable Grant existing = grants.stream()
                    .filter(grant -> MessageDigest.isEqual(grant.digest(), digest)).findFirst().orElse(null);
            if (existing != null) {
                throw new IllegalArgumentException("the same " + what + " is configured twice (tenant "
                        + existing.principal().tenant() + " and tenant " + tenant + ")");
            }
            grants.add(new Grant(digest, new ScimPrincipal(tenant, "bearer token of tenant " + tenant)));
            return this;
        }

        /**
         * The authenticator.
         *
         * @throws IllegalStateException if no token was configured
         */
        public BearerTokenAuthenticator build() {
            if (grants.isEmpty()) {
                throw new IllegalStateException("configure at least one token");
            }
            return new BearerTokenAuthenticator(grants);
        }
    }
}

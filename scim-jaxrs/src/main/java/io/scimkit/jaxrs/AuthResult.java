package io.scimkit.jaxrs;

import io.scimkit.core.protocol.ScimPrincipal;
import java.util.Objects;

/**
 * What a {@link ScimAuthenticator} decided about a request: the caller is a known principal (with the
 * tenant whose data it may touch, RFC 7644 §2 "security subject"), or it is refused. A refused
 * caller is treated as anonymous: it may read the discovery endpoints when the service allows
 * anonymous discovery (RFC 7643 §5 only asks for the authentication schemes to be readable
 * without a token; we let a deployment open all three discovery endpoints), and gets 401 with {@code WWW-Authenticate} everywhere else.
 */
public sealed interface AuthResult {

    /** An authenticated caller. */
    static AuthResult authenticated(ScimPrincipal principal) {
        return new Authenticated(principal);
    }

    /**
     * A refusal. The detail goes into the 401 error body (RFC 7644 §3.12): say what was wrong with the
     * credentials, never echo them.
     */
    static AuthResult refused(String detail) {
        return new Refused(detail);
    }

    /** The caller is this principal. */
    record Authenticated(ScimPrincipal principal) implements AuthResult {
        public Authenticated {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /** The caller is not authenticated; {@code detail} explains why, without any secret. */
    record Refused(String detail) implements AuthResult {
        public Refused {
            Objects.requireNonNull(detail, "detail");
        }
    }
}

package io.scimkit.jaxrs;

import io.scimkit.core.protocol.HttpHeaders;

/**
 * The authentication hook of the adapter (RFC 7644 §2: every client maps to a security subject;
 * §7.4: bearer tokens travel only over TLS). The application implements it, or uses
 * {@link BearerTokenAuthenticator}. It sees the request's headers and answers with a principal
 * (tenant and display name) or a refusal; it is called once per request, on the request thread,
 * so implementations must be thread-safe and should not block for long.
 *
 * <p>Implementations must never log or echo credentials. Throwing is treated as a server failure
 * (500); refuse instead.
 */
@FunctionalInterface
public interface ScimAuthenticator {

    /** Decides who sent a request with these headers. */
    AuthResult authenticate(HttpHeaders headers);
}

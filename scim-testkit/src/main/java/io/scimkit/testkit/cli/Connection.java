package io.scimkit.testkit.cli;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the command line sends requests: the SCIM base URL (Entra's "Tenant URL", RFC 7644 §3.1),
 * the bearer token (RFC 6750) and the per-request timeout. {@link #toString()} never shows the token.
 *
 * @param url the base URL, absolute http(s)
 * @param token the bearer token
 * @param timeout how long to wait for each response
 */
public record Connection(URI url, String token, Duration timeout) {

    public Connection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "Connection[" + url + ", token (not shown), timeout " + timeout.toSeconds() + " s]";
    }
}

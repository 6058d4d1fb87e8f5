package io.scimkit.examples;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the HTTP server one client or tenant may hold: request threads, idle connections and
 * slow request bodies. A SCIM client sends small JSON bodies at once (RFC 7644 §3.3, §3.5); these
 * limits keep a slow or greedy tenant from starving the others of request threads.
 *
 * @param maxThreads the HTTP server's request threads
 * @param maxRequestsPerTenant the most requests of one tenant in progress at once (a request over it
 *        gets 429 with {@code Retry-After} before its body is read); 0 for no limit
 * @param idleTimeout how long a connection may send nothing (between requests, or in the middle of
 *        one) before it is closed
 * @param minBodyRate the slowest a request body may arrive, in bytes per second, after a grace second;
 *        0 for no minimum
 */
public record HttpLimits(int maxThreads, int maxRequestsPerTenant, Duration idleTimeout, int minBodyRate) {
    /** Room for the server's own acceptor and selector threads, below which Jetty refuses to start. */
    static final int MIN_THREADS = 8;

    public HttpLimits {
        if (maxThreads < MIN_THREADS) {
            throw new IllegalArgumentException("--max-threads is at least " + MIN_THREADS + ", not " + maxThreads);
        }
        if (maxRequestsPerTenant < 0) {
            throw new IllegalArgumentException("--max-requests-per-tenant is 0 (no limit) or more, not "
                    + maxRequestsPerTenant);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("--idle-timeout is at least one second");
        }
        if (minBodyRate < 0) {
            throw new IllegalArgumentException("--min-body-rate is 0 (none) or more bytes per second, not "
                    + minBodyRate);
        }
    }

    /**
     * The defaults: 200 request threads, 16 requests in progress per tenant, connections idle for
     * 10 seconds closed, request bodies at 1024 bytes per second at least.
     */
    public static HttpLimits defaults() {
        return new HttpLimits(200, 16, Duration.ofSeconds(10), 1024);
    }
}

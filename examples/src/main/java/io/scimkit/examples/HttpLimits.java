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
 * @param rateLimit the requests per second one tenant may send on average (a request over it gets 429
 *        with {@code Retry-After} before its body is read); 0 for no limit
 * @param rateBurst the requests one tenant may send at once after being idle; 0 with no rate limit
 */
public record HttpLimits(int maxThreads, int maxRequestsPerTenant, Duration idleTimeout, int minBodyRate,
        double rateLimit, int rateBurst) {
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
        if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
            throw new IllegalArgumentException("--rate-limit is 0 (no limit) or more requests per second, not "
                    + rateLimit);
        }
        if (rateLimit > 0 && rateBurst < 1) {
            throw new IllegalArgumentException("--rate-burst is at least 1 request, not " + rateBurst);
        }
    }

    /** Limits without a request-rate limit. */
    public HttpLimits(int maxThreads, int maxRequestsPerTenant, Duration idleTimeout, int minBodyRate) {
        this(maxThreads, maxRequestsPerTenant, idleTimeout, minBodyRate, 0, 0);
    }

    /**
     * A copy limiting each tenant to {@code perSecond} requests per second on average and {@code burst}
     * at once (0 and 0 for no limit).
     */
    public HttpLimits withRateLimit(double perSecond, int burst) {
        return new HttpLimits(maxThreads, maxRequestsPerTenant, idleTimeout, minBodyRate, perSecond, burst);
    }

    /** The burst {@code --rate-burst} defaults to: one second's requests, rounded up, at least 1; 0 without a rate. */
    static int defaultBurst(double perSecond) {
        return perSecond > 0 ? (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(perSecond))) : 0;
    }

    /**
     * The defaults: 200 request threads, 16 requests in progress per tenant, connections idle for
     * 10 seconds closed, request bodies at 1024 bytes per second at least, no request-rate limit.
     */
    public static HttpLimits defaults() {
        return new HttpLimits(200, 16, Duration.ofSeconds(10), 1024);
    }
}

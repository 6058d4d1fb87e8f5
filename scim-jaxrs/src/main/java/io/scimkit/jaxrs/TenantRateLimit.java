package io.scimkit.jaxrs;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.protocol.ScimResponse;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * How many requests per second one tenant (RFC 7644 §2 "security subject" of an authenticated principal)
 * may send: a token bucket per tenant that holds at most {@code burst} requests and refills at
 * {@code perSecond}. A request finding its tenant's bucket empty is answered at once with 429 and
 * {@code Retry-After} (RFC 6585 §4; seconds until the bucket holds a request again, rounded up; error
 * body RFC 7644 §3.12), before its body is read. Each tenant's bucket has its own lock, so one
 * tenant's burst never waits on, or slows, another's requests. A rate of zero means no limit.
 */
final class TenantRateLimit {
    /** No limit: every request may go. */
    static final TenantRateLimit UNLIMITED = new TenantRateLimit(0, 0, System::nanoTime);

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoClock;
    /** One bucket per tenant that has called; tenants are those the authenticator knows, a bounded set. */
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param perSecond requests per second a tenant's bucket refills with, 0 for no limit
     * @param burst the most requests a tenant may send at once after being idle (at least 1 with a rate)
     * @param nanoClock a monotonic clock in nanoseconds ({@link System#nanoTime()}; tests pass their own)
     */
    TenantRateLimit(double perSecond, int burst, LongSupplier nanoClock) {
        check(perSecond, burst);
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /**
     * Checks a rate and burst as {@link ScimEndpoint.Builder#rateLimitPerTenant(double, int)} documents them.
     *
     * @throws IllegalArgumentException if the rate is negative or not finite, or a rate has a burst below 1
     */
    static void check(double perSecond, int burst) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a per-tenant request rate is 0 (no limit) or a positive number, not "
                    + perSecond);
        }
        if (perSecond > 0 && burst < 1) {
            throw new IllegalArgumentException("a per-tenant burst is at least 1 request, not " + burst);
        }
    }

    /**
     * Takes one request from the tenant's bucket.
     *
     * @return 0 if the request may go, else the nanoseconds until the bucket holds a request again
     */
    long tryTake(String tenant) {
        if (perSecond == 0) {
            return 0;
        }
        return buckets.computeIfAbsent(tenant, name -> new Bucket(burst, nanoClock.getAsLong()))
                .tryTake(nanoClock.getAsLong(), perSecond, burst);
    }

    /** The answer to a request over its tenant's rate: 429, retry after the whole seconds of the wait, at least 1. */
    static ScimResponse refusal(long waitNanos) {
        // Whole seconds, rounded up; in floating point so that even the longest wait cannot overflow.
        long seconds = Math.max(1, (long) Math.ceil(waitNanos / NANOS_PER_SECOND));
        return ScimResponse.error(new ScimException(429, null,
                "this tenant sends more requests per second than the service allows; retry later"))
                .withHeader("Retry-After", Long.toString(seconds));
    }

    /** One tenant's bucket: the requests it holds (fractions included) as of a clock reading. */
    private static final class Bucket {
        private double available;
        private long asOf;

        Bucket(double available, long asOf) {
            this.available = available;
            this.asOf = asOf;
        }

        synchronized long tryTake(long now, double perSecond, int burst) {
            if (now > asOf) {
                available = Math.min(burst, available + (now - asOf) / NANOS_PER_SECOND * perSecond);
                asOf = now;
            }
            if (available >= 1) {
                available -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - available) / perSecond * NANOS_PER_SECOND));
        }
    }
}

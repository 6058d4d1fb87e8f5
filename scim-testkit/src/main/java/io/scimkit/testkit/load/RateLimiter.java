package io.scimkit.testkit.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Spaces requests evenly to at most a given number per second over all workers (like a tenant's
 * provisioning rate): each request gets the next free slot,
 * {@code 1/rate} seconds after the previous one, and waits for it. No bursts are saved up.
 * Thread-safe.
 */
final class RateLimiter {
    private final long intervalNanos;
    private final LongSupplier clock;
    private final AtomicLong nextSlot;

    private RateLimiter(long intervalNanos, LongSupplier clock) {
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.nextSlot = new AtomicLong(Long.MIN_VALUE);
    }

    /** A limiter to {@code rate} requests per second; 0 means none. */
    static RateLimiter perSecond(double rate) {
        return perSecond(rate, System::nanoTime);
    }

    static RateLimiter perSecond(double rate, LongSupplier clock) {
        return new RateLimiter(rate <= 0 ? 0 : Math.max(1, Math.round(1e9 / rate)), clock);
    }

    /** How long the caller must wait, in nanoseconds, before sending; reserves the slot. */
    long reserve() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = clock.getAsLong();
        long slot = nextSlot.getAndUpdate(next -> Math.max(next, now) + intervalNanos);
        return Math.max(0, Math.max(slot, now) - now);
    }

    /** Reserves a slot and sleeps until it comes. */
    void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}

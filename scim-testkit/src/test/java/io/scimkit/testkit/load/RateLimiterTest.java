package io.scimkit.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate limiter on a hand-moved clock: slots 1/rate apart, no saved-up bursts. */
class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void withoutARateNobodyWaits() {
        RateLimiter limiter = RateLimiter.perSecond(0, now::get);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.reserve()).isZero();
        }
    }

    @Test
    void requestsAtOnceAreSpacedOneIntervalApart() {
        RateLimiter limiter = RateLimiter.perSecond(25, now::get);
        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isEqualTo(40_000_000L);
        assertThat(limiter.reserve()).isEqualTo(80_000_000L);
        // Time passes to the third slot: the fourth waits one interval from now.
        now.addAndGet(80_000_000L);
        assertThat(limiter.reserve()).isEqualTo(40_000_000L);
    }

    @Test
    void idleTimeIsNotSavedUpForABurst() {
        RateLimiter limiter = RateLimiter.perSecond(10, now::get);
        assertThat(limiter.reserve()).isZero();
        now.addAndGet(10_000_000_000L);
        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isEqualTo(100_000_000L);
    }
}

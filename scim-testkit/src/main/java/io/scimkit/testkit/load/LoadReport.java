package io.scimkit.testkit.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a load run: the plan, each phase, throughput and latency per request kind, the
 * requests that got an unexpected answer, the end-state check, and whether the target could be
 * reached at all. Never holds credentials.
 *
 * @param plan what was run
 * @param target the target's description (its base URL)
 * @param started when the run began
 * @param phases the phases in order
 * @param cycleElapsed how long the initial and incremental cycles took together
 * @param cycleRequests how many requests those cycles sent
 * @param stats throughput and latency per request kind, in kind order
 * @param requestProblemCount how many requests got an unexpected answer
 * @param requestProblems the first of them, in words
 * @param verification the end-state check, or {@code null} if the run stopped before it
 * @param unavailable why the target could not be reached, or {@code null}
 * @param throttled how many requests the target answered with 429 Too Many Requests (RFC 6585 §4),
 *        whether they were sent again ({@link LoadRunner#withThrottleRetries}) or not
 */
public record LoadReport(LoadPlan plan, String target, Instant started, List<PhaseResult> phases,
        Duration cycleElapsed, long cycleRequests, List<KindStats> stats, long requestProblemCount,
        List<String> requestProblems, @Nullable Verification verification, @Nullable String unavailable,
        long throttled) {

    /** Microsoft's requirement for gallery applications: sustain 25 requests per second per tenant. */
    public static final double ENTRA_GALLERY_RATE = 25.0;

    public LoadReport {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(started, "started");
        phases = List.copyOf(phases);
        Objects.requireNonNull(cycleElapsed, "cycleElapsed");
        stats = List.copyOf(stats);
        requestProblems = List.copyOf(requestProblems);
    }

    /** Whether every request got an expected answer and the end state is exactly the plan's. */
    public boolean passed() {
        return unavailable == null && requestProblemCount == 0 && verification != null && verification.passed();
    }

    /** Requests per second over the initial and incremental cycles. */
    public double cycleRequestsPerSecond() {
        return cycleElapsed.isZero() ? 0 : cycleRequests / (cycleElapsed.toNanos() / 1e9);
    }

    /** {@link #cycleRequestsPerSecond()} as a multiple of {@link #ENTRA_GALLERY_RATE}. */
    public double multipleOfEntraGalleryRate() {
        return cycleRequestsPerSecond() / ENTRA_GALLERY_RATE;
    }
}

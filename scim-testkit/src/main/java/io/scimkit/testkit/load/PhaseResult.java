package io.scimkit.testkit.load;

import java.time.Duration;
import java.util.Objects;

/**
 * One phase of a load run.
 *
 * @param name {@code users}, {@code groups}, {@code members}, {@code incremental} or a {@code verify-…} phase
 * @param tasks how many tasks it had
 * @param requests how many requests got a response
 * @param elapsed how long it took
 */
public record PhaseResult(String name, long tasks, long requests, Duration elapsed) {
    public PhaseResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Requests per second during the phase. */
    public double requestsPerSecond() {
        return elapsed.isZero() ? 0 : requests / (elapsed.toNanos() / 1e9);
    }
}

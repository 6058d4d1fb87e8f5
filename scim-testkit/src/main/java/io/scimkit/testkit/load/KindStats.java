package io.scimkit.testkit.load;

import java.time.Duration;
import java.util.Objects;

/**
 * Throughput and latency of one kind of request in a load run.
 *
 * @param kind the kind
 * @param requests how many were sent (each got a response)
 * @param failures how many got an unexpected response
 * @param span from the first one's start to the last one's end
 * @param mean the mean latency
 * @param p50 the median latency
 * @param p95 the 95th percentile latency
 * @param p99 the 99th percentile latency
 * @param max the largest latency
 */
public record KindStats(RequestKind kind, long requests, long failures, Duration span, Duration mean, Duration p50,
        Duration p95, Duration p99, Duration max) {

    public KindStats {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p95, "p95");
        Objects.requireNonNull(p99, "p99");
        Objects.requireNonNull(max, "max");
    }

    /** Requests per second while this kind was being sent (other kinds may have run alongside). */
    public double requestsPerSecond() {
        return span.isZero() ? 0 : requests / (span.toNanos() / 1e9);
    }
}

package io.scimkit.testkit.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the latency of every request by {@link RequestKind}, and when each kind's first request
 * started and last one ended, for throughput and percentiles. Keeps every sample (a few bytes per
 * request), so percentiles are exact. Thread-safe.
 */
final class LatencyRecorder {
    private final Map<RequestKind, Samples> samples = new EnumMap<>(RequestKind.class);

    LatencyRecorder() {
        for (RequestKind kind : RequestKind.values()) {
            samples.put(kind, new Samples());
        }
    }

    /** One request of this kind that started at {@code startNanos} and took {@code latency}; failed or not. */
    void record(RequestKind kind, long startNanos, Duration latency, boolean failed) {
        samples.get(kind).add(startNanos, latency.toNanos(), failed);
    }

    /** The figures of each kind that saw a request, in kind order. */
    List<KindStats> stats() {
        List<KindStats> all = new ArrayList<>();
        for (Map.Entry<RequestKind, Samples> entry : samples.entrySet()) {
            KindStats stats = entry.getValue().stats(entry.getKey());
            if (stats.requests() > 0) {
                all.add(stats);
            }
        }
        return all;
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value with at least {@code p}
     * percent of the values at or below it.
     */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(p * sorted.length / 100.0);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    /** The samples of one kind. */
    private static final class Samples {
        private long[] nanos = new long[1024];
        private int size;
        private int failures;
        private long firstStart = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;

        synchronized void add(long startNanos, long latencyNanos, boolean failed) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = latencyNanos;
            if (failed) {
                failures++;
            }
            firstStart = Math.min(firstStart, startNanos);
            lastEnd = Math.max(lastEnd, startNanos + latencyNanos);
        }

        synchronized KindStats stats(RequestKind kind) {
            if (size == 0) {
                return new KindStats(kind, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                        Duration.ZERO, Duration.ZERO);
            }
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            long total = 0;
            for (long value : sorted) {
                total += value;
            }
            return new KindStats(kind, size, failures, Duration.ofNanos(Math.max(1, lastEnd - firstStart)),
                    Duration.ofNanos(total / size), Duration.ofNanos(percentile(sorted, 50)),
                    Duration.ofNanos(percentile(sorted, 95)), Duration.ofNanos(percentile(sorted, 99)),
                    Duration.ofNanos(sorted[size - 1]));
        }
    }
}

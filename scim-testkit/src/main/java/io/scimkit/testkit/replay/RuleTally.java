package io.scimkit.testkit.replay;

import io.scimkit.testkit.scenario.Dialect;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sums, per dialect, how often each client-dialect rule fired during that dialect's scenario runs:
 * the difference of the service's counters after and before each run. A dialect whose runs made no
 * rule fire is present with an empty map. Not thread-safe; one per replay.
 */
final class RuleTally {
    private final Map<Dialect, Map<String, Long>> byDialect = new EnumMap<>(Dialect.class);
    private boolean seen;

    /** Adds one run's difference; nothing when the target does not show counters. */
    void add(Dialect dialect, Optional<Map<String, Long>> before, Optional<Map<String, Long>> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        seen = true;
        Map<String, Long> counts = byDialect.computeIfAbsent(dialect, key -> new LinkedHashMap<>());
        after.get().forEach((rule, total) -> {
            long delta = total - before.get().getOrDefault(rule, 0L);
            if (delta > 0) {
                counts.merge(rule, delta, Long::sum);
            }
        });
    }

    /** The sums, or an empty map when no run showed counters. */
    Map<Dialect, Map<String, Long>> byDialect() {
        return seen ? byDialect : Map.of();
    }
}

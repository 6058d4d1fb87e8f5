package io.scimkit.testkit.replay;

import io.scimkit.testkit.scenario.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a replay: every scenario run with every step, the collected mismatches, and per
 * dialect the client-dialect rules the service applied.
 *
 * @param target what was replayed against (never credentials)
 * @param started when the replay began
 * @param elapsed how long it took
 * @param scenarios the scenario runs, in order
 * @param ruleFirings per dialect, how often each client-dialect rule of the service fired during
 *     that dialect's runs, by rule id (rules that never fired left out); empty when the target
 *     cannot see the service's counters (over HTTP)
 */
public record ReplayReport(String target, Instant started, Duration elapsed, List<ScenarioResult> scenarios,
        Map<Dialect, Map<String, Long>> ruleFirings) {

    public ReplayReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(elapsed, "elapsed");
        scenarios = List.copyOf(scenarios);
        Objects.requireNonNull(ruleFirings, "ruleFirings");
        Map<Dialect, Map<String, Long>> copy = new EnumMap<>(Dialect.class);
        ruleFirings.forEach((dialect, counts) -> copy.put(dialect, Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
        ruleFirings = Collections.unmodifiableMap(copy);
    }

    /** A report without rule counts (the target could not see them). */
    public ReplayReport(String target, Instant started, Duration elapsed, List<ScenarioResult> scenarios) {
        this(target, started, elapsed, scenarios, Map.of());
    }

    /**
     * One line per dialect that ran with the rules its traffic needed, e.g.
     * {@code okta: replace-empty-array-removes=1}; {@code (none)} when no rule fired. Empty when
     * the target could not see the counters.
     */
    public List<String> ruleFiringLines() {
        List<String> lines = new ArrayList<>();
        ruleFirings.forEach((dialect, counts) -> lines.add(dialect.id() + ": " + (counts.isEmpty() ? "(none)"
                : String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))));
        return lines;
    }

    /** Whether every step of every run passed. */
    public boolean passed() {
        return scenarios.stream().allMatch(ScenarioResult::passed);
    }

    /** How many steps had this outcome. */
    public long count(StepResult.Outcome outcome) {
        return scenarios.stream().flatMap(run -> run.steps().stream()).filter(step -> step.outcome() == outcome).count();
    }

    /** Every mismatch, each prefixed with its run and step: {@code entra-user-lifecycle [flag] / disable: …}. */
    public List<String> mismatches() {
        List<String> all = new ArrayList<>();
        for (ScenarioResult run : scenarios) {
            for (StepResult step : run.problems()) {
                for (String mismatch : step.mismatches()) {
                    all.add(run.displayName() + " / " + step.name() + ": " + mismatch);
                }
            }
        }
        return all;
    }

    /** One line: runs and steps passed, failed, errors, skipped. */
    public String summary() {
        long runsPassed = scenarios.stream().filter(ScenarioResult::passed).count();
        return String.format("%d of %d scenario runs passed; steps: %d passed, %d failed, %d errors, %d skipped (%d ms)",
                runsPassed, scenarios.size(), count(StepResult.Outcome.PASSED), count(StepResult.Outcome.FAILED),
                count(StepResult.Outcome.ERROR), count(StepResult.Outcome.SKIPPED), elapsed.toMillis());
    }
}

package io.scimkit.testkit.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a replay: every scenario run with every step, and the collected mismatches.
 *
 * @param target what was replayed against (never credentials)
 * @param started when the replay began
 * @param elapsed how long it took
 * @param scenarios the scenario runs, in order
 */
public record ReplayReport(String target, Instant started, Duration elapsed, List<ScenarioResult> scenarios) {

    public ReplayReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(elapsed, "elapsed");
        scenarios = List.copyOf(scenarios);
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

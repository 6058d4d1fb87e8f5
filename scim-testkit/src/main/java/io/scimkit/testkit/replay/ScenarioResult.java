package io.scimkit.testkit.replay;

import io.scimkit.testkit.scenario.Dialect;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of one scenario run (a scenario in one dialect).
 *
 * @param scenario the scenario's name
 * @param dialect the dialect it ran in
 * @param description the scenario's description
 * @param tags the scenario's tags
 * @param steps the results of its steps, in order
 */
public record ScenarioResult(String scenario, Dialect dialect, String description, Set<String> tags,
        List<StepResult> steps) {

    public ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(description, "description");
        tags = Set.copyOf(tags);
        steps = List.copyOf(steps);
    }

    /** {@code name [dialect]}. */
    public String displayName() {
        return scenario + " [" + dialect.id() + "]";
    }

    /** Whether every step passed. */
    public boolean passed() {
        return steps.stream().allMatch(StepResult::passed);
    }

    /** The steps that did not pass. */
    public List<StepResult> problems() {
        return steps.stream().filter(step -> !step.passed()).toList();
    }
}

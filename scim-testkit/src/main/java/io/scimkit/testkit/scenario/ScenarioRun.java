package io.scimkit.testkit.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A scenario in one dialect: what the replayer runs and a report lists.
 *
 * @param scenario the scenario
 * @param dialect the dialect, one of the scenario's
 */
public record ScenarioRun(Scenario scenario, Dialect dialect) {
    public ScenarioRun {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(dialect, "dialect");
        if (!scenario.dialects().contains(dialect)) {
            throw new IllegalArgumentException("scenario '" + scenario.name() + "' has no dialect " + dialect);
        }
    }

    /** The steps of this run. */
    public List<Step> steps() {
        return scenario.stepsFor(dialect);
    }

    /** {@code name [dialect]}. */
    public String displayName() {
        return scenario.name() + " [" + dialect.id() + "]";
    }
}

package io.scimkit.testkit.replay;

import io.scimkit.testkit.scenario.ScenarioRun;

/**
 * Hears about a replay as it goes, e.g. to print one line per step on a terminal. Called on the
 * replaying thread, in order.
 */
public interface ReplayListener {

    /** A scenario run is about to start. */
    default void scenarioStarted(ScenarioRun run) {
    }

    /** A step finished. */
    default void stepFinished(ScenarioRun run, StepResult result) {
    }

    /** A scenario run finished. */
    default void scenarioFinished(ScenarioRun run, ScenarioResult result) {
    }
}

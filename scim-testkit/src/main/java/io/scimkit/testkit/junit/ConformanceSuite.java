package io.scimkit.testkit.junit;

import io.scimkit.testkit.replay.ReplayOptions;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.replay.ScenarioExecution;
import io.scimkit.testkit.replay.StepResult;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioRun;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.scenario.Step;
import io.scimkit.testkit.target.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * What {@link EntraConformance} and {@link OktaConformance} share: a catalogue, a selection and
 * replay options against one target, turned into JUnit 5 dynamic tests (a container per scenario
 * run, a test per step). Immutable.
 */
record ConformanceSuite(Target target, ScenarioCatalogue catalogue, ScenarioSelection selection, ReplayOptions options) {

    ConformanceSuite {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(options, "options");
    }

    ConformanceSuite catalogue(ScenarioCatalogue value) {
        return new ConformanceSuite(target, value, selection, options);
    }

    ConformanceSuite withScenarios(Path fileOrDirectory) {
        return catalogue(catalogue.plus(ScenarioCatalogue.fromPath(fileOrDirectory)));
    }

    ConformanceSuite select(ScenarioSelection value) {
        return new ConformanceSuite(target, catalogue, value, options);
    }

    ConformanceSuite options(ReplayOptions value) {
        return new ConformanceSuite(target, catalogue, selection, value);
    }

    List<ScenarioRun> runs() {
        return catalogue.runs(selection);
    }

    Stream<DynamicNode> dynamicTests() {
        Replayer replayer = Replayer.of(target).withOptions(options);
        List<DynamicNode> containers = new ArrayList<>();
        for (ScenarioRun run : runs()) {
            containers.add(container(replayer, run));
        }
        return containers.stream();
    }

    private static DynamicContainer container(Replayer replayer, ScenarioRun run) {
        // Created when the container's first test runs, so each run gets fresh unique values.
        ExecutionHolder holder = new ExecutionHolder(replayer, run);
        List<DynamicTest> tests = new ArrayList<>();
        List<Step> steps = run.steps();
        for (int i = 0; i < steps.size(); i++) {
            int index = i;
            tests.add(DynamicTest.dynamicTest(steps.get(i).name(), () -> runStep(holder.execution(), index, run)));
        }
        return DynamicContainer.dynamicContainer(run.displayName(), tests);
    }

    private static void runStep(ScenarioExecution execution, int index, ScenarioRun run) {
        // Steps depend on each other: run any earlier step JUnit did not (e.g. a filtered-out test).
        StepResult result = null;
        while (execution.results().size() <= index) {
            result = execution.runNext();
        }
        if (result == null) {
            result = execution.results().get(index);
        }
        switch (result.outcome()) {
            case PASSED -> {
            }
            case SKIPPED -> Assumptions.abort(result.describe());
            default -> throw new AssertionError(run.displayName() + ": " + result.describe());
        }
    }

    /** Creates the execution on first use; JUnit runs a container's tests on one thread, in order. */
    private static final class ExecutionHolder {
        private final Replayer replayer;
        private final ScenarioRun run;
        private ScenarioExecution execution;

        ExecutionHolder(Replayer replayer, ScenarioRun run) {
            this.replayer = replayer;
            this.run = run;
        }

        ScenarioExecution execution() {
            if (execution == null) {
                execution = replayer.start(run);
            }
            return execution;
        }
    }
}

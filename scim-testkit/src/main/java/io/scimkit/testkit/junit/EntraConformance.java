package io.scimkit.testkit.junit;

import io.scimkit.testkit.replay.ReplayOptions;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.replay.ScenarioExecution;
import io.scimkit.testkit.replay.StepResult;
import io.scimkit.testkit.scenario.Dialect;
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
 * The Entra ID conformance catalogue as JUnit 5 dynamic tests: each scenario run is a container,
 * each step a test named after it; a failing step shows what was wrong, the expectation, and the
 * requests and responses, trimmed. A step that needs a value a failed step should have captured
 * is reported as aborted (skipped), not as a second failure.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> entra() {
 *     ScimService service = ScimService.builder().baseUri(URI.create("https://localhost/scim"))
 *             .userStore(myUsers).groupStore(myGroups).build();
 *     return EntraConformance.against(InProcessTarget.of(service)).dynamicTests();
 * }
 * }</pre>
 *
 * Immutable: each method returns a configured copy.
 */
public final class EntraConformance {
    private final Target target;
    private final ScenarioCatalogue catalogue;
    private final ScenarioSelection selection;
    private final ReplayOptions options;

    private EntraConformance(Target target, ScenarioCatalogue catalogue, ScenarioSelection selection,
            ReplayOptions options) {
        this.target = Objects.requireNonNull(target, "target");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The whole bundled catalogue in every dialect against this target. */
    public static EntraConformance against(Target target) {
        return new EntraConformance(target, ScenarioCatalogue.entra(), ScenarioSelection.all(), ReplayOptions.defaults());
    }

    /** A copy over another catalogue (e.g. only the integrator's scenarios). */
    public EntraConformance catalogue(ScenarioCatalogue value) {
        return new EntraConformance(target, value, selection, options);
    }

    /** A copy that also runs the scenario files of this file or directory. */
    public EntraConformance withScenarios(Path fileOrDirectory) {
        return catalogue(catalogue.plus(ScenarioCatalogue.fromPath(fileOrDirectory)));
    }

    /** A copy with this selection. */
    public EntraConformance select(ScenarioSelection value) {
        return new EntraConformance(target, catalogue, value, options);
    }

    /** A copy limited to these dialects. */
    public EntraConformance dialects(Dialect... dialects) {
        return select(selection.dialects(dialects));
    }

    /** A copy with these replay options. */
    public EntraConformance options(ReplayOptions value) {
        return new EntraConformance(target, catalogue, selection, value);
    }

    /** The selected runs, in order. */
    public List<ScenarioRun> runs() {
        return catalogue.runs(selection);
    }

    /** One container per selected scenario run, one test per step. */
    public Stream<DynamicNode> dynamicTests() {
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

package io.scimkit.testkit.junit;

import io.scimkit.testkit.replay.ReplayOptions;
import io.scimkit.testkit.scenario.Dialect;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioRun;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.target.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

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
    private final ConformanceSuite suite;

    private EntraConformance(ConformanceSuite suite) {
        this.suite = suite;
    }

    /** The bundled Entra ID catalogue ({@link ScenarioCatalogue#entra()}) in its three dialects against this target. */
    public static EntraConformance against(Target target) {
        return new EntraConformance(
                new ConformanceSuite(target, ScenarioCatalogue.entra(), ScenarioSelection.all(), ReplayOptions.defaults()));
    }

    /** A copy over another catalogue (e.g. only the integrator's scenarios). */
    public EntraConformance catalogue(ScenarioCatalogue value) {
        return new EntraConformance(suite.catalogue(value));
    }

    /** A copy that also runs the scenario files of this file or directory. */
    public EntraConformance withScenarios(Path fileOrDirectory) {
        return new EntraConformance(suite.withScenarios(fileOrDirectory));
    }

    /** A copy with this selection. */
    public EntraConformance select(ScenarioSelection value) {
        return new EntraConformance(suite.select(value));
    }

    /** A copy limited to these dialects. */
    public EntraConformance dialects(Dialect... dialects) {
        return select(suite.selection().dialects(dialects));
    }

    /** A copy with these replay options. */
    public EntraConformance options(ReplayOptions value) {
        return new EntraConformance(suite.options(value));
    }

    /** The selected runs, in order. */
    public List<ScenarioRun> runs() {
        return suite.runs();
    }

    /** One container per selected scenario run, one test per step. */
    public Stream<DynamicNode> dynamicTests() {
        return suite.dynamicTests();
    }
}

package io.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.testkit.junit.EntraConformance;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.target.InProcessTarget;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The whole Entra catalogue against the in-memory stores through the lenient service. */
class EntraCatalogueInMemoryTest {

    /** What an integrator writes: one container per scenario run, one test per step. */
    @TestFactory
    Stream<DynamicNode> entra() {
        ScimService service = TestServices.inMemory(ClientDialect.lenient());
        return EntraConformance.against(InProcessTarget.of(service)).dynamicTests();
    }

    @Test
    void everyScenarioPassesInEveryDialectAndTwiceOnTheSameServer() {
        Replayer replayer = Replayer.of(InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient())));
        ScenarioCatalogue catalogue = ScenarioCatalogue.entra();
        for (int round = 0; round < 2; round++) {
            ReplayReport report = replayer.run(catalogue.runs(ScenarioSelection.all()));
            assertThat(report.mismatches()).as(report.summary()).isEmpty();
            assertThat(report.passed()).isTrue();
        }
    }
}

package io.scimkit.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.examples.ExampleServer;
import io.scimkit.testkit.junit.EntraConformance;
import io.scimkit.testkit.replay.ReplayOptions;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.scenario.Dialect;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.target.HttpTarget;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole Entra ID catalogue (ENTRA-PROVISIONING.md §2, Q1-Q25, RFC negative cases) in all three
 * dialects over real HTTP/1.1 against the example server: Jersey, Jetty, the JAX-RS adapter, the
 * bearer-token check and the in-memory store, as an integrator would deploy them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntraCatalogueOverHttpIT {
    private final String token = QuietServer.newToken();
    private ExampleServer server;

    @BeforeAll
    void start() {
        server = QuietServer.start(token);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** One test per step, one container per scenario run. */
    @TestFactory
    Stream<DynamicNode> entraCatalogue() {
        return EntraConformance.against(HttpTarget.of(server.baseUri(), token)).dynamicTests();
    }

    @Test
    void everyScenarioPassesWhenTheTenantUrlCarriesTheFlag() {
        // The admin appended ?aadOptscim062020 to the Tenant URL (§1): sent with every request, never refused.
        HttpTarget target = HttpTarget.of(URI.create(server.baseUri() + "?aadOptscim062020"), token);
        ReplayReport report = Replayer.of(target).withOptions(ReplayOptions.defaults().withFlagQueryParameter(false))
                .run(ScenarioCatalogue.entra().runs(ScenarioSelection.all().dialects(Dialect.FLAG)));
        assertThat(report.mismatches()).as(report.summary()).isEmpty();
        assertThat(report.scenarios()).hasSizeGreaterThan(10);
    }
}

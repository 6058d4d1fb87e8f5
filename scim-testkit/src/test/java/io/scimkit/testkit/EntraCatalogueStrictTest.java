package io.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.replay.ScenarioResult;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.target.InProcessTarget;
import org.junit.jupiter.api.Test;

/**
 * The catalogue against a strict (RFC-only) service: the scenarios tagged {@code rfc} send only
 * RFC 7644 requests and must pass; every quirk scenario not tagged {@code rfc} must fail, which
 * proves its tags honest and that each such scenario really exercises its quirk.
 */
class EntraCatalogueStrictTest {
    private final Replayer strict = Replayer.of(InProcessTarget.of(TestServices.inMemory(ClientDialect.strict())));
    private final ScenarioCatalogue catalogue = ScenarioCatalogue.entra();

    @Test
    void rfcScenariosPassAgainstAStrictService() {
        ReplayReport report = strict.run(catalogue.runs(ScenarioSelection.all().tags("rfc")));
        assertThat(report.scenarios()).hasSizeGreaterThan(20);
        assertThat(report.mismatches()).as(report.summary()).isEmpty();
    }

    @Test
    void everyQuirkScenarioNotTaggedRfcFailsAgainstAStrictService() {
        ReplayReport report = strict.run(catalogue.runs(ScenarioSelection.all().tags("quirk:*").excludingTags("rfc")));
        assertThat(report.scenarios()).hasSizeGreaterThan(10);
        for (ScenarioResult run : report.scenarios()) {
            assertThat(run.passed()).as(run.displayName() + " should need the lenient dialect").isFalse();
        }
    }
}

package io.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.replay.ScenarioResult;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.target.InProcessTarget;
import java.util.Map;
import java.util.TreeMap;
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
        // A quirk may be RFC-valid in one dialect (the validator's object-valued manager) and not in another
        // (the service's bare string): the scenario needs the lenient dialect if any of its runs fails.
        ReplayReport report = strict.run(catalogue.runs(ScenarioSelection.all().tags("quirk:*").excludingTags("rfc")));
        Map<String, Boolean> anyRunFailed = new TreeMap<>();
        for (ScenarioResult run : report.scenarios()) {
            anyRunFailed.merge(run.scenario(), !run.passed(), Boolean::logicalOr);
        }
        assertThat(anyRunFailed).hasSizeGreaterThan(10);
        assertThat(anyRunFailed).allSatisfy((scenario, failed) ->
                assertThat(failed).as(scenario + " should need the lenient dialect").isTrue());
    }
}

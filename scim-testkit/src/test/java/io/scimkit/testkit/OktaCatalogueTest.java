package io.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.testkit.junit.OktaConformance;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.replay.ScenarioResult;
import io.scimkit.testkit.scenario.Dialect;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.target.InProcessTarget;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Okta catalogue (docs/okta.md) against the in-memory stores: lenient and strict services both
 * pass it (Okta's traffic is RFC 7644 form apart from the empty-array replace, which the engine
 * also reads as emptying), and the report tells which dialect rules each dialect's traffic made fire.
 */
class OktaCatalogueTest {

    @TestFactory
    Stream<DynamicNode> okta() {
        return OktaConformance.against(InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient()))).dynamicTests();
    }

    @Test
    void theCatalogueRunsOnlyInTheOktaDialectAndCoversUsersAndGroups() {
        ScenarioCatalogue okta = ScenarioCatalogue.okta();
        assertThat(okta.runs(ScenarioSelection.all())).extracting(run -> run.dialect()).containsOnly(Dialect.OKTA);
        assertThat(okta.runs(ScenarioSelection.all())).extracting(run -> run.scenario().name())
                .containsExactly("okta-user-provisioning", "okta-group-push");
        assertThat(ScenarioCatalogue.entra().runs(ScenarioSelection.all().dialects(Dialect.OKTA))).isEmpty();
        assertThat(ScenarioCatalogue.bundled().scenarios())
                .hasSize(ScenarioCatalogue.entra().scenarios().size() + okta.scenarios().size());
    }

    @Test
    void passesTwiceOnOneLenientServiceAndReportsTheRulesOktaNeeded() {
        Replayer replayer = Replayer.of(InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient())));
        for (int round = 0; round < 2; round++) {
            ReplayReport report = replayer.run(ScenarioCatalogue.okta().runs(ScenarioSelection.all()));
            assertThat(report.mismatches()).as(report.summary()).isEmpty();
            assertThat(report.ruleFirings()).containsOnlyKeys(Dialect.OKTA);
            // Okta's only non-RFC shape: the empty member list of a replace, once per group-push run.
            assertThat(report.ruleFirings().get(Dialect.OKTA)).containsExactly(Map.entry("replace-empty-array-removes", 1L));
            assertThat(report.ruleFiringLines()).containsExactly("okta: replace-empty-array-removes=1");
        }
    }

    @Test
    void passesOnAStrictServiceWhereNoRuleFires() {
        ReplayReport report = Replayer.of(InProcessTarget.of(TestServices.inMemory(ClientDialect.strict())))
                .run(ScenarioCatalogue.okta().runs(ScenarioSelection.all()));
        assertThat(report.mismatches()).as(report.summary()).isEmpty();
        assertThat(report.ruleFirings().get(Dialect.OKTA)).isEmpty();
    }

    @Test
    void entraAndOktaTrafficOnOneServiceAreCountedPerDialect() {
        ScimService service = TestServices.inMemory(ClientDialect.lenient());
        ReplayReport report = Replayer.of(InProcessTarget.of(service))
                .run(ScenarioCatalogue.bundled().runs(ScenarioSelection.all().dialects(Dialect.DEFAULT, Dialect.OKTA)));
        assertThat(report.mismatches()).as(report.summary()).isEmpty();
        assertThat(report.scenarios()).extracting(ScenarioResult::dialect).contains(Dialect.DEFAULT, Dialect.OKTA);
        assertThat(report.ruleFirings().get(Dialect.DEFAULT)).containsKeys("op-case-insensitive", "boolean-strings")
                .doesNotContainKey("replace-empty-array-removes");
        assertThat(report.ruleFirings().get(Dialect.OKTA)).containsOnlyKeys("replace-empty-array-removes");
        long total = report.ruleFirings().values().stream().flatMap(counts -> counts.values().stream())
                .mapToLong(Long::longValue).sum();
        assertThat(service.dialect().firings().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
    }
}

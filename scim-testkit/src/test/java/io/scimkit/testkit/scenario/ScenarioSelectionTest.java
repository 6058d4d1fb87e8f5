package io.scimkit.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScenarioSelectionTest {
    private final ScenarioCatalogue entra = ScenarioCatalogue.entra();

    @Test
    void selectsByDialectTagAndName() {
        assertThat(entra.runs(ScenarioSelection.all().dialects(Dialect.FLAG)))
                .allSatisfy(run -> assertThat(run.dialect()).isEqualTo(Dialect.FLAG))
                .extracting(ScenarioRun::displayName).contains("entra-user-lifecycle [flag]", "quirk-q03-no-path-dotted-keys [flag]")
                .doesNotContain("quirk-q01-capitalised-ops [default]");
        assertThat(entra.runs(ScenarioSelection.all().tags("QUIRK:Q4")))
                .extracting(ScenarioRun::displayName).containsExactly("quirk-q04-remove-members-value-array [default]");
        assertThat(entra.runs(ScenarioSelection.all().tags("quirk:*").excludingTags("rfc")))
                .allSatisfy(run -> assertThat(run.scenario().hasTag("rfc")).isFalse()).isNotEmpty();
        assertThat(entra.runs(ScenarioSelection.all().scenarios("entra-*").dialects(Dialect.VALIDATOR)))
                .extracting(ScenarioRun::displayName)
                .containsExactly("entra-test-connection [validator]", "entra-user-lifecycle [validator]",
                        "entra-group-lifecycle [validator]");
    }

    @Test
    void stepsFollowTheRunsDialect() {
        Scenario users = entra.named("entra-user-lifecycle").orElseThrow();
        assertThat(users.stepsFor(Dialect.DEFAULT)).extracting(Step::name)
                .contains("disable (default: Replace active \"False\")")
                .doesNotContain("disable (flag and validator: replace active false)");
        assertThat(users.stepsFor(Dialect.FLAG)).extracting(Step::name)
                .contains("disable (flag and validator: replace active false)");
    }
}

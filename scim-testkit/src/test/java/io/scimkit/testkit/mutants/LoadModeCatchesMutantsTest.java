package io.scimkit.testkit.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.testkit.TestServices;
import io.scimkit.testkit.load.LoadPlan;
import io.scimkit.testkit.load.LoadReport;
import io.scimkit.testkit.load.LoadRunner;
import io.scimkit.testkit.target.InProcessTarget;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The load mode's end-state check catches the mutants that its traffic reaches. */
class LoadModeCatchesMutantsTest {
    /** Four groups of 40 members in batches of 5: eight concurrent adds per group. */
    private static final LoadPlan PLAN = new LoadPlan(80, 4, 40, 4, 0, 5, 0.1, 0.05, "mutant");

    @Test
    void aStoreThatLosesConcurrentMemberAddsFailsTheEndStateCheck() {
        ScimService service = TestServices.wrapped(ClientDialect.lenient(), UnaryOperator.identity(),
                groups -> new LosesConcurrentAddsStore(groups, SchemaRegistry.core()));
        LoadReport report = LoadRunner.of(InProcessTarget.of(service)).run(PLAN);
        assertThat(report.requestProblems()).as("every PATCH was acknowledged").isEmpty();
        assertThat(report.passed()).isFalse();
        assertThat(report.verification().problems()).anySatisfy(problem -> assertThat(problem)
                .startsWith("group lt-mutant-g").contains("lacks").contains("lost member adds?"));
    }

    @Test
    void aServiceThatListsMembersDespiteExcludedAttributesFailsTheEndStateCheck() {
        LoadReport report = LoadRunner.of(new IgnoresExcludedMembersTarget(
                InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient())))).run(PLAN);
        assertThat(report.passed()).isFalse();
        assertThat(report.verification().problems()).anySatisfy(problem -> assertThat(problem)
                .contains("is listed with members although excludedAttributes=members"));
    }
}

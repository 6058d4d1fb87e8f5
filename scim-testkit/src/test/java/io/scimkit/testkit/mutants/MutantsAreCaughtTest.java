package io.scimkit.testkit.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.testkit.TestServices;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.target.InProcessTarget;
import io.scimkit.testkit.target.Target;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The testkit tested: deliberately broken stores and services must each make the whole catalogue
 * fail, with a mismatch that names the problem.
 */
class MutantsAreCaughtTest {
    private final ScenarioCatalogue catalogue = ScenarioCatalogue.entra();

    @Test
    void aStoreThatIgnoresRemoveMemberIsCaught() {
        ScimService service = TestServices.wrapped(ClientDialect.lenient(), UnaryOperator.identity(),
                IgnoresRemoveMemberStore::new);
        assertCaught(InProcessTarget.of(service), "remove-member was ignored");
    }

    @Test
    void aStoreThatRemovesAllMembersOnRemoveWithValueIsCaught() {
        ScimService service = TestServices.wrapped(ClientDialect.lenient(), UnaryOperator.identity(),
                RemovesAllMembersStore::new);
        assertCaught(InProcessTarget.of(service), "Q4: Remove with a value array must remove only the listed member");
    }

    @Test
    void aServiceThatAnswers404ToAnEmptyFilterIsCaught() {
        Target target = new EmptyFilterAnswers404Target(InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient())));
        assertCaught(target, "got 404", "never 404");
    }

    @Test
    void aServiceThatReturnsMembersDespiteExcludedAttributesIsCaught() {
        Target target = new IgnoresExcludedMembersTarget(InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient())));
        assertCaught(target, "members must not be returned when excludedAttributes=members");
    }

    @Test
    void aStoreWithCaseSensitiveUserNameMatchingIsCaught() {
        ScimService service = TestServices.wrapped(ClientDialect.lenient(), CaseSensitiveUserNameStore::new,
                UnaryOperator.identity());
        assertCaught(InProcessTarget.of(service), "userName matching must be case-insensitive");
    }

    @Test
    void aStoreThatLosesConcurrentMemberAddsIsCaught() {
        ScimService service = TestServices.wrapped(ClientDialect.lenient(), UnaryOperator.identity(),
                groups -> new LosesConcurrentAddsStore(groups, SchemaRegistry.core()));
        assertCaught(InProcessTarget.of(service), "concurrent member adds were lost");
    }

    private void assertCaught(Target target, String... phrases) {
        ReplayReport report = Replayer.of(target).run(catalogue.runs(ScenarioSelection.all()));
        assertThat(report.passed()).as("the catalogue must fail against " + target.describe()).isFalse();
        for (String phrase : phrases) {
            assertThat(report.mismatches()).as("a mismatch names the problem").anySatisfy(
                    mismatch -> assertThat(mismatch).contains(phrase));
        }
    }
}

package io.scimkit.testkit.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.testkit.TestServices;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.target.InProcessTarget;
import io.scimkit.testkit.target.Target;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The Okta catalogue's end-state checks fail against deliberately broken stores, naming the problem. */
class OktaCatalogueCatchesMutantsTest {

    @Test
    void aStoreThatIgnoresRemoveMemberIsCaught() {
        ScimService service = TestServices.wrapped(ClientDialect.lenient(), UnaryOperator.identity(),
                IgnoresRemoveMemberStore::new);
        assertCaught(InProcessTarget.of(service), "okta-group-push [okta] / remove one member by a value filter",
                "the member removed by the value filter must be gone");
    }

    @Test
    void aStoreWithCaseSensitiveUserNameMatchingIsCaught() {
        ScimService service = TestServices.wrapped(ClientDialect.lenient(), CaseSensitiveUserNameStore::new,
                UnaryOperator.identity());
        assertCaught(InProcessTarget.of(service), "okta-user-provisioning [okta] / lookup in another case finds the user",
                "Okta matches userName without regard to case");
    }

    @Test
    void aServiceThatAnswers404ToAnEmptyFilterIsCaught() {
        Target target = new EmptyFilterAnswers404Target(InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient())));
        assertCaught(target, "okta-user-provisioning [okta] / lookup before create: no user yet", "never 404");
    }

    private static void assertCaught(Target target, String... phrases) {
        ReplayReport report = Replayer.of(target).run(ScenarioCatalogue.okta().runs(ScenarioSelection.all()));
        assertThat(report.passed()).as("the Okta catalogue must fail against " + target.describe()).isFalse();
        for (String phrase : phrases) {
            assertThat(report.mismatches()).as("a mismatch names the problem").anySatisfy(
                    mismatch -> assertThat(mismatch).contains(phrase));
        }
    }
}

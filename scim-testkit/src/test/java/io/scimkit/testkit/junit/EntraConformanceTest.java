package io.scimkit.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.testkit.TestServices;
import io.scimkit.testkit.scenario.Dialect;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.target.InProcessTarget;
import java.util.List;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class EntraConformanceTest {

    @Test
    void aContainerPerRunAndANamedTestPerStep() {
        List<DynamicNode> nodes = EntraConformance.against(InProcessTarget.of(TestServices.inMemory(ClientDialect.lenient())))
                .select(ScenarioSelection.all().scenarios("entra-test-connection")).dialects(Dialect.FLAG)
                .dynamicTests().toList();
        assertThat(nodes).singleElement().extracting(DynamicNode::getDisplayName).isEqualTo("entra-test-connection [flag]");
        List<DynamicNode> steps = ((DynamicContainer) nodes.get(0)).getChildren().map(DynamicNode.class::cast).toList();
        assertThat(steps).extracting(DynamicNode::getDisplayName).containsExactly("users probe by userName (random GUID)",
                "users probe by externalId (random GUID)", "group probe, members excluded (random GUID)");
    }

    @Test
    void aFailingStepShowsTheStepTheRequestTheExpectationAndTheResponse() throws Throwable {
        // A strict service refuses Q4's remove-by-value array: the step must fail with a readable account,
        // and the steps that need what the failed one should have produced are aborted, not failed.
        List<DynamicNode> nodes = EntraConformance.against(InProcessTarget.of(TestServices.inMemory(ClientDialect.strict())))
                .select(ScenarioSelection.all().tags("quirk:Q1")).dynamicTests().toList();
        List<DynamicTest> tests = ((DynamicContainer) nodes.get(0)).getChildren().map(DynamicTest.class::cast).toList();
        tests.get(0).getExecutable().execute();
        assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("quirk-q01-capitalised-ops [default]: step 'Replace, Add and Remove with capitalised ops' failed")
                .hasMessageContaining("status: expected one of [200, 204], got 400")
                .hasMessageContaining("Q1: capitalised op names must be accepted")
                .hasMessageContaining("expected: status one of [200, 204]")
                .hasMessageContaining("request:\n  PATCH /Users/")
                .hasMessageContaining("\"op\":\"Replace\"")
                .hasMessageContaining("response:\n  400");

        List<DynamicNode> lost = EntraConformance.against(InProcessTarget.of(TestServices.inMemory(ClientDialect.strict())))
                .select(ScenarioSelection.all().tags("quirk:Q12")).dynamicTests().toList();
        List<DynamicTest> q12 = ((DynamicContainer) lost.get(0)).getChildren().map(DynamicTest.class::cast).toList();
        assertThatThrownBy(() -> q12.get(0).getExecutable().execute()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> q12.get(1).getExecutable().execute()).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("{{userId}}");
    }
}

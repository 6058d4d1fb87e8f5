package io.scimkit.core.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.patch.PatchOp;
import io.scimkit.core.patch.PatchOperation;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A dialect keeps what its path rules made of each path text (Q9/Q12, Q24, Q2 in filters); a kept
 * plan must give the same operations and count the same firings as computing it afresh, and a
 * request no rule changes passes through as the same instance.
 */
class PathPlansTest {
    private static final SchemaRegistry REGISTRY = DialectRulesTest.REGISTRY;
    private static final ResourceType USER = DialectRulesTest.USER;
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static PatchRequest entraRequest() {
        return PatchRequest.of(List.of(
                new PatchOperation("replace", "manager", StringValue.of("u-1")),
                new PatchOperation("replace", ENTERPRISE + ".department", StringValue.of("Sales")),
                new PatchOperation("replace", "roles[primary eq \"True\"].value", StringValue.of("Reader"))));
    }

    @Test
    void keptPlansGiveTheSameOperationsAndFireOnEveryRequest() {
        ClientDialect dialect = ClientDialect.lenient();
        PatchRequest first = dialect.normalizePatch(entraRequest(), USER, REGISTRY);
        PatchRequest second = dialect.normalizePatch(entraRequest(), USER, REGISTRY);
        PatchRequest fresh = ClientDialect.lenient().normalizePatch(entraRequest(), USER, REGISTRY);
        assertThat(second).isEqualTo(first).isEqualTo(fresh);
        assertThat(first.operations()).extracting(PatchOperation::path).containsExactly(
                ENTERPRISE + ":manager", ENTERPRISE + ":department", "roles[primary eq true].value");
        assertThat(first.operations().get(0).value())
                .isEqualTo(ComplexValue.builder().put("value", "u-1").build());
        assertThat(dialect.firings()).containsEntry("misplaced-extension-attributes", 2L)
                .containsEntry("extension-dot-separator", 2L).containsEntry("boolean-strings", 2L);
    }

    @Test
    void aPlanIsPerResourceType() {
        ClientDialect dialect = ClientDialect.lenient();
        ResourceType group = REGISTRY.resourceType("Group").orElseThrow();
        PatchRequest request = PatchRequest.of(List.of(new PatchOperation("replace", "manager", StringValue.of("u-1"))));
        assertThat(dialect.normalizePatch(request, USER, REGISTRY).operations().get(0).path())
                .isEqualTo(ENTERPRISE + ":manager");
        assertThat(dialect.normalizePatch(request, group, REGISTRY)).isSameAs(request);
    }

    @Test
    void aRequestNoRuleChangesIsReturnedAsIs() {
        ClientDialect dialect = ClientDialect.lenient();
        PatchRequest rfc = PatchRequest.of(List.of(
                PatchOperation.of(PatchOp.REPLACE, "displayName", StringValue.of("Alice")),
                PatchOperation.of(PatchOp.ADD, "emails", MultiValue.of(
                        ComplexValue.builder().put("value", "a@example.com").put("type", "work").build())),
                PatchOperation.of(PatchOp.REPLACE, null, ComplexValue.builder().put("active", BooleanValue.TRUE).build())));
        assertThat(dialect.normalizePatch(rfc, USER, REGISTRY)).isSameAs(rfc);
        assertThat(dialect.firings()).isEmpty();
    }

    @Test
    void onlyTheChangedMemberIsRewrittenAndOrderIsKept() {
        ClientDialect dialect = ClientDialect.lenient();
        ComplexValue value = ComplexValue.builder().put("displayName", "A").put("active", "False")
                .put("nickName", "a").build();
        PatchRequest request = PatchRequest.of(List.of(new PatchOperation("replace", null, value)));
        ComplexValue normalized = (ComplexValue) dialect.normalizePatch(request, USER, REGISTRY)
                .operations().get(0).value();
        Map<String, ScimValue> expected = new LinkedHashMap<>();
        expected.put("displayName", StringValue.of("A"));
        expected.put("active", BooleanValue.FALSE);
        expected.put("nickName", StringValue.of("a"));
        assertThat(normalized.attributes()).containsExactlyEntriesOf(expected);
    }

    @Test
    void pathsBeyondTheBoundAreStillNormalised() {
        ClientDialect dialect = ClientDialect.lenient();
        List<PatchOperation> operations = new ArrayList<>();
        for (int i = 0; i < PathPlans.MAX_ENTRIES + 20; i++) {
            operations.add(new PatchOperation("Replace", "emails[value eq \"u" + i + "@example.com\"].primary",
                    StringValue.of("True")));
        }
        PatchRequest normalized = dialect.normalizePatch(PatchRequest.of(operations), USER, REGISTRY);
        PatchRequest again = dialect.normalizePatch(PatchRequest.of(operations), USER, REGISTRY);
        assertThat(again).isEqualTo(normalized);
        assertThat(normalized.operations()).allSatisfy(op -> {
            assertThat(op.op()).isEqualTo("replace");
            assertThat(op.value()).isEqualTo(BooleanValue.TRUE);
        });
    }
}

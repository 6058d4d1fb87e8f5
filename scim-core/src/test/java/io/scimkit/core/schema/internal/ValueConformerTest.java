package io.scimkit.core.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.UnknownAttributePolicy;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.StringValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueConformer} returns a value already in the shape its definition declares (RFC 7643
 * §2.3) as the same instance, and rebuilds one only from the first member or element it changes,
 * with the same result as a full rebuild.
 */
class ValueConformerTest {
    private static final ValueConformer IGNORE = ValueConformer.of(UnknownAttributePolicy.IGNORE);
    private static final ValueConformer REJECT = ValueConformer.of(UnknownAttributePolicy.REJECT);
    private static final AttributeDefinition MEMBERS = CoreSchemas.GROUP.attribute("members").orElseThrow();
    private static final AttributeDefinition EMAILS = CoreSchemas.USER.attribute("emails").orElseThrow();

    @Test
    void aValueAlreadyInShapeIsReturnedAsIs() {
        ComplexValue email = ComplexValue.builder().put("value", "a@example.com").put("type", "work").build();
        MultiValue emails = MultiValue.of(email);

        assertThat(IGNORE.conform(emails, EMAILS, "emails")).isSameAs(emails);
        assertThat(IGNORE.conform(email, EMAILS.toBuilder().multiValued(false).build(), "emails")).isSameAs(email);
    }

    @Test
    void membersAreRenamedRetypedAndDroppedInTheirOrder() {
        ComplexValue member = ComplexValue.builder()
                .put("display", "Alice")
                .put("VALUE", "u1")
                .put("unknown", "x")
                .put("$ref", "https://example.com/v2/Users/u1")
                .build();

        ComplexValue conformed = (ComplexValue) ((MultiValue) IGNORE.conform(member, MEMBERS, "members")).values().get(0);

        assertThat(conformed.attributes()).containsExactly(Map.entry("display", StringValue.of("Alice")),
                Map.entry("value", StringValue.of("u1")),
                Map.entry("$ref", ReferenceValue.of("https://example.com/v2/Users/u1")));
        assertThatThrownBy(() -> REJECT.conform(member, MEMBERS, "members"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail()).contains("unknown"));
    }

    @Test
    void nullElementsAreDroppedAndASingleValueBecomesAList() {
        ComplexValue first = ComplexValue.builder().put("value", "u1").build();
        ComplexValue second = ComplexValue.builder().put("value", "u2").build();

        assertThat(IGNORE.conform(MultiValue.of(first, NullValue.INSTANCE, second), MEMBERS, "members"))
                .isEqualTo(MultiValue.of(first, second));
        assertThat(IGNORE.conform(first, MEMBERS, "members")).isEqualTo(MultiValue.of(first));
        assertThat(IGNORE.conform(MultiValue.EMPTY, MEMBERS, "members")).isEqualTo(MultiValue.EMPTY);
    }
}

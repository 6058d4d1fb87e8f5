package io.scimkit.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.patch.internal.BodyAccess;
import io.scimkit.core.patch.internal.ElementEquality;
import io.scimkit.core.patch.internal.PatchTarget;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkingBody#freeze} builds the patched body in one copy; it must equal, member order
 * included, what setting each written attribute in turn with {@link BodyAccess#set} gives
 * (RFC 7644 §3.5.2: operations apply in order), also for extension objects that become empty
 * (RFC 7643 §2.5) and for stored names spelled in another case (RFC 7643 §2.1).
 */
class WorkingBodyTest {
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;
    private static final PatchTarget DISPLAY_NAME = core("displayName");
    private static final PatchTarget ACTIVE = core("active");
    private static final PatchTarget TITLE = core("title");
    private static final PatchTarget EMAILS = core("emails");
    private static final PatchTarget MANAGER = enterprise("manager");
    private static final PatchTarget DEPARTMENT = enterprise("department");

    private static final ComplexValue STORED = ComplexValue.builder()
            .put("schemas", MultiValue.of(ReferenceValue.of(CoreSchemas.USER_URN), ReferenceValue.of(ENTERPRISE)))
            .put("id", "u1")
            .put("userName", "alice")
            .put("displayName", "Alice")
            .put("emails", MultiValue.of(ComplexValue.builder().put("value", "a@example.com").build()))
            .put(ENTERPRISE, ComplexValue.builder().put("manager", ComplexValue.builder().put("value", "m1").build()).build())
            .put("active", true)
            .build();

    private final List<PatchTarget> order = new ArrayList<>();
    private final List<@Nullable ScimValue> values = new ArrayList<>();

    @Test
    void replacingRemovingAndAddingCoreAttributesKeepsTheOrderOfStepwiseSets() {
        WorkingBody body = new WorkingBody(STORED, WorkMeter.NONE);
        set(body, DISPLAY_NAME, StringValue.of("Alice Smith"));
        set(body, ACTIVE, null);
        set(body, TITLE, StringValue.of("Engineer"));
        set(body, ACTIVE, BooleanValue.FALSE);

        assertSameAsStepwise(STORED, body.freeze());
    }

    @Test
    void anExtensionObjectLeftEmptyIsRemovedAndAnAttributeWrittenLaterStartsANewOne() {
        WorkingBody body = new WorkingBody(STORED, WorkMeter.NONE);
        set(body, MANAGER, null);
        set(body, DISPLAY_NAME, StringValue.of("Alice Smith"));
        set(body, DEPARTMENT, StringValue.of("Sales"));

        ComplexValue frozen = body.freeze();

        assertSameAsStepwise(STORED, frozen);
        assertThat(frozen.getOrNull(ENTERPRISE)).isEqualTo(ComplexValue.builder().put("department", "Sales").build());
    }

    @Test
    void aDroppedExtensionIsGoneBeforeLaterWrites() {
        WorkingBody body = new WorkingBody(STORED, WorkMeter.NONE);
        body.dropExtension(ENTERPRISE);
        set(body, DEPARTMENT, StringValue.of("Sales"));

        ComplexValue frozen = body.freeze();

        ComplexValue expected = BodyAccess.set(STORED.without(ENTERPRISE), DEPARTMENT, StringValue.of("Sales"));
        assertThat(frozen).isEqualTo(expected);
        assertThat(List.copyOf(frozen.attributes().keySet())).containsExactlyElementsOf(expected.attributes().keySet());
    }

    @Test
    void aListAppendedToIsWrittenOnce() {
        WorkingBody body = new WorkingBody(STORED, WorkMeter.NONE);
        ElementList emails = body.elements(EMAILS, ElementEquality.of(EMAILS.attribute()));
        emails.append(ComplexValue.builder().put("value", "b@example.com").build());
        order.add(EMAILS);
        values.add(emails.value());

        assertSameAsStepwise(STORED, body.freeze());
    }

    @Test
    void aStoredNameInAnotherCaseIsReplacedAtItsPlaceWithTheCanonicalSpelling() {
        ComplexValue stored = ComplexValue.builder()
                .put("id", "u1")
                .put("DISPLAYNAME", "Alice")
                .put("userName", "alice")
                .build();
        WorkingBody body = new WorkingBody(stored, WorkMeter.NONE);
        set(body, DISPLAY_NAME, StringValue.of("Alice Smith"));

        ComplexValue frozen = body.freeze();

        assertSameAsStepwise(stored, frozen);
        assertThat(frozen.attributes().keySet()).containsExactly("id", "displayName", "userName");
    }

    @Test
    void nothingWrittenIsTheStoredBodyItself() {
        WorkingBody body = new WorkingBody(STORED, WorkMeter.NONE);
        body.elements(EMAILS, ElementEquality.of(EMAILS.attribute()));

        assertThat(body.freeze()).isSameAs(STORED);
    }

    private void set(WorkingBody body, PatchTarget target, @Nullable ScimValue value) {
        body.set(target, value);
        int earlier = order.indexOf(target);
        if (earlier >= 0) {
            values.set(earlier, value);
        } else {
            order.add(target);
            values.add(value);
        }
    }

    /** The body the stepwise sets give, in the order each attribute was first written, with its last value. */
    private void assertSameAsStepwise(ComplexValue stored, ComplexValue frozen) {
        ComplexValue expected = stored;
        for (int i = 0; i < order.size(); i++) {
            expected = BodyAccess.set(expected, order.get(i), values.get(i));
        }
        assertThat(frozen).isEqualTo(expected);
        assertThat(List.copyOf(frozen.attributes().keySet())).containsExactlyElementsOf(expected.attributes().keySet());
    }

    private static PatchTarget core(String name) {
        AttributeDefinition attribute = CoreSchemas.USER.attribute(name).orElseThrow();
        return PatchTarget.whole(null, attribute);
    }

    private static PatchTarget enterprise(String name) {
        return PatchTarget.whole(ENTERPRISE, CoreSchemas.ENTERPRISE_USER.attribute(name).orElseThrow());
    }
}

package io.scimkit.core.patch;

import static io.scimkit.core.patch.PatchJson.GROUP;
import static io.scimkit.core.patch.PatchJson.REGISTRY;
import static io.scimkit.core.patch.PatchJson.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.patch.internal.PrimaryRule;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 3: a PATCH request of N simple operations on a multi-valued attribute does
 * O(N) work in all, not O(N²). Counted, not timed: the engine reports every element it copies
 * between lists and every element it puts into an index ({@link WorkMeter}). Before the working
 * body, each operation copied the whole list (and indexed it from 16 elements on), so 20,000 adds
 * counted about 4 × 10^8 elements; now they count a few per element.
 */
class PatchOperationCountTest {
    private static final int OPERATIONS = 20_000;
    private static final ScimResource USER_WITH_ONE_EMAIL = PatchJson.resource("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"bjensen",
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true}]}""", USER);

    /** Counts elements copied and indexed. */
    private static final class CountingMeter implements WorkMeter {
        long copied;
        long indexed;

        @Override
        public void copied(int elements) {
            copied += elements;
        }

        @Override
        public void indexed(int elements) {
            indexed += elements;
        }
    }

    private static PatchOperation add(String path, String json) {
        return PatchOperation.of(PatchOp.ADD, path, PatchJson.value(PatchJson.tree(json)));
    }

    private static List<ScimValue> elements(PatchResult result, String name) {
        return ((MultiValue) result.resource().body().getOrNull(name)).values();
    }

    @Test
    void twentyThousandEmailAddsCopyAndIndexEachElementAFewTimes() {
        List<PatchOperation> operations = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            operations.add(add("emails", "[{\"value\":\"mail" + i + "@example.com\",\"type\":\"other\"}]"));
        }
        CountingMeter meter = new CountingMeter();
        PatchResult result = PatchEngine.of(REGISTRY, USER, PatchSettings.strict())
                .apply(USER_WITH_ONE_EMAIL, PatchRequest.of(operations), meter);

        assertThat(elements(result, "emails")).hasSize(OPERATIONS + 1);
        // Once into the working list, once into the index, once into the frozen value.
        assertThat(meter.copied).isLessThanOrEqualTo(2L * (OPERATIONS + 1));
        assertThat(meter.indexed).isLessThanOrEqualTo(OPERATIONS + 1);
    }

    @Test
    void addsThatMovePrimaryAndRepeatElementsStayLinear() {
        List<PatchOperation> operations = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            boolean primary = i % 100 == 0;
            operations.add(add("emails", "[{\"value\":\"mail" + i + "@example.com\",\"type\":\"other\",\"primary\":"
                    + primary + "},{\"value\":\"MAIL" + (i / 2) + "@example.com\",\"type\":\"other\"}]"));
        }
        // Entra-style: the stored first email made primary again at the end.
        operations.add(add("emails", "[{\"value\":\"bjensen@example.com\",\"type\":\"work\",\"primary\":true}]"));
        CountingMeter meter = new CountingMeter();
        PatchResult result = PatchEngine.of(REGISTRY, USER, PatchSettings.strict())
                .apply(USER_WITH_ONE_EMAIL, PatchRequest.of(operations), meter);

        List<ScimValue> emails = elements(result, "emails");
        assertThat(emails).hasSize(OPERATIONS + 1);
        assertThat(emails.stream().filter(PrimaryRule::isPrimary)).containsExactly(emails.get(0));
        assertThat(meter.copied).isLessThanOrEqualTo(2L * (OPERATIONS + 1));
        assertThat(meter.indexed).isLessThanOrEqualTo(OPERATIONS + 1);
    }

    @Test
    void twentyThousandMemberAddsOnAGroupStayLinear() {
        ScimResource group = PatchJson.resource("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g","displayName":"Sales"}""", GROUP);
        List<PatchOperation> operations = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            operations.add(add("members", "[{\"value\":\"u" + i + "\"}]"));
            operations.add(add(null, "{\"displayName\":\"Sales " + i + "\"}"));
        }
        CountingMeter meter = new CountingMeter();
        PatchResult result = PatchEngine.of(REGISTRY, GROUP, PatchSettings.strict())
                .apply(group, PatchRequest.of(operations), meter);

        assertThat(elements(result, "members")).hasSize(OPERATIONS);
        assertThat(((ComplexValue) result.resource().body()).getOrNull("displayName"))
                .hasToString(PatchJson.value(PatchJson.tree("\"Sales " + (OPERATIONS - 1) + "\"")).toString());
        assertThat(meter.copied).isLessThanOrEqualTo(2L * OPERATIONS);
        assertThat(meter.indexed).isLessThanOrEqualTo(OPERATIONS);
    }
}

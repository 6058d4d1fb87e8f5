package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.StringValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Where {@code bulkId:} references are recognised and how they are replaced (digest P-BLK-13, S-ENT-03). */
class BulkReferencesTest {
    private static final Map<String, String> IDS = Map.of("qwerty", "id-1", "ytrewq", "id-2", "a b", "id-3");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // text | references | resolved
        "bulkId:qwerty                              | [qwerty]          | id-1",
        "bulkId:a b                                 | [a b]             | id-3",
        "/Groups/bulkId:ytrewq                      | [ytrewq]          | /Groups/id-2",
        "members[value eq \"bulkId:qwerty\"]        | [qwerty]          | members[value eq \"id-1\"]",
        "members[value eq \"bulkId:x\" or value eq \"bulkId:ytrewq\"] | [x, ytrewq] | members[value eq \"bulkId:x\" or value eq \"id-2\"]",
        "bulkId:unknown                             | [unknown]         | bulkId:unknown",
        "xbulkId:qwerty                             | []                | xbulkId:qwerty",
        "/Users/bulkId:                             | []                | /Users/bulkId:",
        "plain text                                 | []                | plain text"})
    void findsAndResolvesReferencesInStrings(String text, String references, String resolved) {
        assertThat(BulkReferences.in(text).toString()).isEqualTo(references);
        assertThat(BulkReferences.resolve(text, IDS)).isEqualTo(resolved);
    }

    @Test
    void resolvesReferencesAnywhereInData() {
        ComplexValue data = ComplexValue.builder()
                .put("displayName", "bulkId is a word here")
                .put("members", MultiValue.of(ComplexValue.builder().put("type", "User").put("value", "bulkId:qwerty").build()))
                .put("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                        ComplexValue.builder().put("manager", ComplexValue.builder().put("value", "bulkId:ytrewq").build()).build())
                .build();

        assertThat(BulkReferences.in(data)).containsExactly("qwerty", "ytrewq");
        ComplexValue resolved = (ComplexValue) BulkReferences.resolve(data, IDS);
        assertThat(((ComplexValue) ((MultiValue) resolved.getOrNull("members")).values().get(0)).getOrNull("value"))
                .isEqualTo(StringValue.of("id-1"));
        assertThat(BulkReferences.in(resolved)).isEmpty();
        assertThat(resolved.getOrNull("displayName")).isEqualTo(StringValue.of("bulkId is a word here"));
    }

    @Test
    void deferralHoldsBackOnlyTheValuesThatReferenceUnsettledIds() {
        ComplexValue data = ComplexValue.builder()
                .put("displayName", "A")
                .put("members", MultiValue.of(
                        ComplexValue.builder().put("value", "existing").build(),
                        ComplexValue.builder().put("value", "bulkId:b").build()))
                .put("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", ComplexValue.builder()
                        .put("department", "X")
                        .put("manager", ComplexValue.builder().put("value", "bulkId:b").build()).build())
                .build();

        BulkDeferral deferral = BulkDeferral.split(data, "b"::equals);

        assertThat(BulkReferences.in(deferral.stripped())).isEmpty();
        assertThat(deferral.stripped().getOrNull("members"))
                .isEqualTo(MultiValue.of(ComplexValue.builder().put("value", "existing").build()));
        assertThat(deferral.patchOperations()).extracting(operation -> operation.getOrNull("path"))
                .containsExactly(StringValue.of("members"),
                        StringValue.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"));
        assertThat(deferral.patchOperations().get(0).getOrNull("value")).isEqualTo(
                MultiValue.of(ComplexValue.builder().put("value", "bulkId:b").build()));
        assertThat(BulkDeferral.split(data, "other"::equals))
                .isEqualTo(new BulkDeferral(data, List.of()));
    }
}

package io.scimkit.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Case-insensitive, order-keeping behaviour of {@link ComplexValue} (RFC 7643 §2.1, §2.3.8). */
class ComplexValueTest {
    private static final ComplexValue NAME = ComplexValue.builder()
            .put("givenName", "Barbara")
            .put("familyName", "Jensen")
            .put("formatted", "Ms. Barbara J Jensen, III")
            .build();

    @Test
    void findIgnoresCase() {
        assertThat(NAME.find("GIVENNAME")).contains(StringValue.of("Barbara"));
        assertThat(NAME.find("familyname")).contains(StringValue.of("Jensen"));
        assertThat(NAME.getOrNull("Formatted")).isEqualTo(StringValue.of("Ms. Barbara J Jensen, III"));
        assertThat(NAME.find("middleName")).isEmpty();
        assertThat(NAME.getOrNull("middleName")).isNull();
        assertThat(NAME.storedName("FAMILYNAME")).contains("familyName");
        assertThat(NAME.storedName("x")).isEmpty();
    }

    @Test
    void withReplacesInPlaceAndTakesTheNewSpelling() {
        ComplexValue changed = NAME.with("FAMILYNAME", StringValue.of("Smith"));

        assertThat(changed.attributes().keySet()).containsExactly("givenName", "FAMILYNAME", "formatted");
        assertThat(changed.find("familyName")).contains(StringValue.of("Smith"));
        assertThat(NAME.find("familyName")).contains(StringValue.of("Jensen"));
    }

    @Test
    void withAppendsANewName() {
        ComplexValue changed = NAME.with("middleName", StringValue.of("Jane"));

        assertThat(changed.attributes().keySet()).containsExactly("givenName", "familyName", "formatted", "middleName");
    }

    @Test
    void withRemovesEveryOtherSpellingOfTheName() {
        Map<String, ScimValue> clashing = new LinkedHashMap<>();
        clashing.put("a", StringValue.of("1"));
        clashing.put("b", StringValue.of("2"));
        clashing.put("A", StringValue.of("3"));

        ComplexValue changed = ComplexValue.of(clashing).with("A", StringValue.of("4"));

        assertThat(changed.attributes()).containsExactly(Map.entry("A", StringValue.of("4")), Map.entry("b",
                StringValue.of("2")));
    }

    @Test
    void withoutRemovesIgnoringCaseAndKeepsOrder() {
        ComplexValue changed = NAME.without("FAMILYNAME");

        assertThat(changed.attributes().keySet()).containsExactly("givenName", "formatted");
        assertThat(NAME.without("middleName")).isSameAs(NAME);
    }

    @Test
    void builderReplacesANameGivenInAnotherCase() {
        ComplexValue value = ComplexValue.builder()
                .put("value", "u1")
                .put("display", "Babs")
                .put("VALUE", "u2")
                .put("display", "Barbara")
                .build();

        assertThat(value.attributes()).containsExactly(Map.entry("VALUE", StringValue.of("u2")),
                Map.entry("display", StringValue.of("Barbara")));
    }

    @Test
    void keepsInsertionOrderOfTheSourceMap() {
        Map<String, ScimValue> source = new LinkedHashMap<>();
        for (String name : List.of("z", "a", "m", "b")) {
            source.put(name, BooleanValue.of(true));
        }

        assertThat(ComplexValue.of(source).attributes().keySet()).containsExactly("z", "a", "m", "b");
    }

    @Test
    void isImmutable() {
        Map<String, ScimValue> source = new LinkedHashMap<>();
        source.put("a", StringValue.of("1"));
        ComplexValue value = ComplexValue.of(source);
        source.put("b", StringValue.of("2"));

        assertThat(value.attributes()).hasSize(1);
        assertThatThrownBy(() -> value.attributes().put("c", NullValue.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityIgnoresOrderButNotSpelling() {
        ComplexValue reversed = ComplexValue.builder()
                .put("formatted", "Ms. Barbara J Jensen, III")
                .put("familyName", "Jensen")
                .put("givenName", "Barbara")
                .build();

        assertThat(reversed).isEqualTo(NAME).hasSameHashCodeAs(NAME);
        assertThat(NAME.with("GIVENNAME", StringValue.of("Barbara"))).isNotEqualTo(NAME);
    }

    @Test
    void toBuilderChangesSeveralMembersWithOneCopyAndLeavesTheOriginal() {
        ComplexValue changed = NAME.toBuilder()
                .put("familyName", StringValue.of("Smith"))
                .remove("FORMATTED")
                .put("middleName", StringValue.of("Jane"))
                .build();

        assertThat(changed.attributes()).containsExactly(Map.entry("givenName", StringValue.of("Barbara")),
                Map.entry("familyName", StringValue.of("Smith")), Map.entry("middleName", StringValue.of("Jane")));
        assertThat(changed).isEqualTo(NAME.with("familyName", StringValue.of("Smith")).without("formatted")
                .with("middleName", StringValue.of("Jane")));
        assertThat(NAME.attributes().keySet()).containsExactly("givenName", "familyName", "formatted");
    }

    @Test
    void builderRemoveDropsEverySpellingLikeWithout() {
        Map<String, ScimValue> clashing = new LinkedHashMap<>();
        clashing.put("a", StringValue.of("1"));
        clashing.put("b", StringValue.of("2"));
        clashing.put("A", StringValue.of("3"));
        ComplexValue value = ComplexValue.of(clashing);

        ComplexValue.Builder builder = value.toBuilder().remove("a");
        ComplexValue removed = builder.build();
        ComplexValue later = builder.remove("b").build();

        assertThat(removed).isEqualTo(value.without("a"));
        assertThat(removed.attributes()).containsExactly(Map.entry("b", StringValue.of("2")));
        assertThat(later.isEmpty()).isTrue();
        assertThat(removed.attributes()).containsOnlyKeys("b");
    }
}

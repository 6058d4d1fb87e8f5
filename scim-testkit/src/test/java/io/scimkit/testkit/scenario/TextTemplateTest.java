package io.scimkit.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextTemplateTest {
    private final ScenarioVariables variables = ScenarioVariables.withToken("tok");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/Users/{{userId}}                     | /Users/u-1",
        "{{unique:alice}}@contoso.example      | alice-tok@contoso.example",
        "{{upper:unique:alice}}@X              | ALICE-TOK@X",
        "{{lower:name}}                        | mixed",
        "{{user{{i}}}}                         | second",
        "plain { text } without placeholders   | plain { text } without placeholders",
        "{{ userId }}                          | u-1",
    })
    void rendersPlaceholders(String template, String expected) {
        variables.put("userId", "u-1");
        variables.put("name", "MiXeD");
        variables.put("user1", "second");
        assertThat(TextTemplate.of(template).render(variables.repetition(1))).isEqualTo(expected);
    }

    @Test
    void uniqueValuesAreStableWithinARunAndDifferAcrossRuns() {
        ScenarioVariables one = ScenarioVariables.create();
        ScenarioVariables two = ScenarioVariables.create();
        assertThat(one.valueOf("unique:x")).isEqualTo(one.valueOf("unique:x")).isNotEqualTo(two.valueOf("unique:x"));
        assertThat(one.valueOf("uuid")).isNotEqualTo(one.valueOf("uuid")).hasSize(36);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{missing}}", "{{nope:x}}", "{{unique:}}"})
    void unresolvablePlaceholdersNameTheExpression(String template) {
        assertThatThrownBy(() -> TextTemplate.of(template).render(variables))
                .isInstanceOf(UnresolvedPlaceholderException.class)
                .hasMessageContaining(template);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{open", "a {{b {{c}} d"})
    void unclosedPlaceholdersAreRejected(String template) {
        assertThatThrownBy(() -> TextTemplate.of(template)).isInstanceOf(IllegalArgumentException.class);
    }
}

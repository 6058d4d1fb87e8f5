package io.scimkit.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of {@link FilterParser} with Jazzer. For any text, with the strict and
 * the lenient settings, the parser either returns a filter whose canonical rendering parses back
 * (strictly) to an equal filter and renders the same again, or throws a 400 {@code invalidFilter}
 * {@link ScimException} whose detail names a position; any other outcome (another exception, a
 * {@link StackOverflowError}, an unstable rendering) is a finding.
 *
 * <p>A plain {@code mvn test} replays the seed corpus in
 * {@code src/test/resources/io/scimkit/core/filter/FilterParserFuzzTestInputs/parsesOrRejectsAnyText/}
 * (regression mode). The input is raw bytes read as UTF-8 so that seed files are plain filter text.
 * To fuzz, from the repository root (one fuzz test per run; new corpus entries go to
 * {@code scim-core/.cifuzz-corpus/}, which is not committed, and findings to the inputs directory
 * above, where they become regression inputs). {@code JAZZER_MAX_DURATION} overrides
 * {@code maxDuration} below; without it a run lasts 10 minutes:
 *
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=2h mvn -B -ntp -pl scim-core test -Dtest=FilterParserFuzzTest
 * </pre>
 */
class FilterParserFuzzTest {
    private static final FilterSettings STRICT = FilterSettings.strict();
    private static final FilterSettings LENIENT = FilterSettings.lenient();

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", " and ", " or ", "not (",
            "not(", "[", "]", "(", ")", "\"", "'", "\\u", "\\uD83D\\uDE00", "\\\"", "true", "false", "null", "$ref",
            "urn:ietf:params:scim:schemas:core:2.0:User:",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:",
            "emails[type eq \"work\"].value", ".value", "1e5", "-0.5E-3", "9223372036854775808", "\t"})
    void parsesOrRejectsAnyText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        check(text, STRICT);
        check(text, LENIENT);
    }

    private static void check(String text, FilterSettings settings) {
        Filter filter;
        try {
            filter = FilterParser.parse(text, settings);
        } catch (ScimException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).contains(ScimErrorType.INVALID_FILTER);
            assertThat(e.detail()).containsPattern("at position \\d+$");
            return;
        }
        String rendered = filter.toString();
        // The canonical form is strict syntax, but may be longer (Q20 rewrite, "E0") and one level
        // deeper (parentheses added inside a rewritten value filter) than the input.
        FilterSettings canonical = FilterSettings.strict().withMaxLength(Integer.MAX_VALUE)
                .withMaxDepth(settings.maxDepth() * 2 + 2);
        Filter reparsed = FilterParser.parse(rendered, canonical);
        assertThat(reparsed).as("reparse of %s", rendered).isEqualTo(filter);
        assertThat(reparsed.toString()).isEqualTo(rendered);
    }
}

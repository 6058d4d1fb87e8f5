package io.scimkit.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of {@link FilterParser} and the canonical rendering over seeded random ASTs from
 * {@link FilterGenerator}: rendering then parsing gives the same AST, the rendering is stable, and
 * case and whitespace changes outside string literals do not change the result (P-FLT-04..06,
 * K-09, K-17). Five seeds of 1,000 filters each.
 */
class FilterRoundTripTest {
    private static final int CASES_PER_SEED = 1_000;
    private static final FilterSettings STRICT = FilterSettings.strict().withMaxLength(1_000_000);
    private static final FilterSettings LENIENT = FilterSettings.lenient().withMaxLength(1_000_000);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 7_644L, 20_250_101L, -3L})
    void canonicalRenderingParsesBackToAnEqualFilter(long seed) {
        FilterGenerator generator = new FilterGenerator(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            Filter filter = generator.filter(1 + i % 6);
            String rendered = filter.toString();

            Filter parsed = FilterParser.parse(rendered, STRICT);

            assertThat(parsed).as("seed %d case %d: %s", seed, i, rendered).isEqualTo(filter);
            assertThat(parsed.toString()).as("stable rendering").isEqualTo(rendered);
            assertThat(FilterParser.parse(rendered, LENIENT)).isEqualTo(filter);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {2L, 43L, 7_643L, 20_250_102L, -4L})
    void caseAndWhitespaceOutsideStringsDoNotMatter(long seed) {
        FilterGenerator generator = new FilterGenerator(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            Filter filter = generator.filter(1 + i % 6);
            String mangled = generator.mangle(filter.toString());

            assertThat(FilterParser.parse(mangled, STRICT)).as("seed %d case %d: %s", seed, i, mangled)
                    .isEqualTo(filter);
        }
    }
}

package io.scimkit.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.dialect.DialectRule;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each attribute type against each JSON operand type (RFC 7644 §3.4.2.2: comparisons follow the
 * attribute's type, RFC 7643 §2.3), in the strict dialect and in the lenient one, whose rule
 * {@code filter-string-operands} types a string holding the lexical form of a boolean, integer or
 * decimal. Every row runs against the sample user BJensen: active, onCall false, level 3, score
 * 4.50, badges [1, 7], employeeNumber "701984" (a string), meta.lastModified 2011-05-13T04:42:34Z.
 * {@code T:} stands for the test extension's URN.
 */
class FilterOperandTypesTest {
    private static final FilterEvaluator USERS = FilterEvaluator.of(SampleResources.REGISTRY, SampleResources.USER);

    enum Outcome { MATCH, NO_MATCH, INVALID }

    @ParameterizedTest(name = "{0}: strict {1}, lenient {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # boolean attribute
            active eq true                                   | MATCH    | MATCH
            active eq "true"                                 | INVALID  | MATCH
            active eq "TRUE"                                 | INVALID  | MATCH
            active eq "false"                                | INVALID  | NO_MATCH
            active ne "false"                                | INVALID  | MATCH
            T:onCall eq "False"                              | INVALID  | MATCH
            emails[primary eq "true"]                        | INVALID  | MATCH
            emails[type eq "home" and primary eq "true"]     | INVALID  | NO_MATCH
            emails[type eq "work"].primary eq "true"         | INVALID  | MATCH
            active eq "yes"                                  | INVALID  | INVALID
            active eq "1"                                    | INVALID  | INVALID
            active eq 1                                      | INVALID  | INVALID
            active gt "true"                                 | INVALID  | INVALID
            # integer attribute
            T:level eq 3                                     | MATCH    | MATCH
            T:level eq "3"                                   | INVALID  | MATCH
            T:level gt "2"                                   | INVALID  | MATCH
            T:level lt "-1"                                  | INVALID  | NO_MATCH
            T:level eq "3.0"                                 | INVALID  | MATCH
            T:level eq "99999999999999999999"                | INVALID  | NO_MATCH
            T:badges eq "7"                                  | INVALID  | MATCH
            T:level eq "three"                               | INVALID  | INVALID
            T:level eq " 3"                                  | INVALID  | INVALID
            T:level eq "3e0"                                 | INVALID  | INVALID
            T:level eq "+3"                                  | INVALID  | INVALID
            T:level eq true                                  | INVALID  | INVALID
            T:level co "3"                                   | INVALID  | INVALID
            # decimal attribute
            T:score eq 4.5                                   | MATCH    | MATCH
            T:score eq "4.5"                                 | INVALID  | MATCH
            T:score ge "4"                                   | INVALID  | MATCH
            T:score lt "4.5"                                 | INVALID  | NO_MATCH
            T:score eq "4,5"                                 | INVALID  | INVALID
            # dateTime attribute: a string operand is the RFC's own form, in both dialects
            meta.lastModified gt "2011-01-01T00:00:00Z"      | MATCH    | MATCH
            meta.lastModified gt "2026-01-01T00:00:00Z"      | NO_MATCH | NO_MATCH
            meta.created lt "2011-01-01T00:00:00+01:00"      | MATCH    | MATCH
            T:hired eq "2015-06-01T07:00:00Z"                | MATCH    | MATCH
            meta.lastModified gt "yesterday"                 | INVALID  | INVALID
            meta.lastModified gt 5                           | INVALID  | INVALID
            # string, binary and reference attributes: other JSON types are not turned into text
            userName eq "bjensen"                            | MATCH    | MATCH
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq 701984 | INVALID | INVALID
            userName eq true                                 | INVALID  | INVALID
            T:token eq "QUJD"                                | MATCH    | MATCH
            T:token eq 5                                     | INVALID  | INVALID
            T:homepage eq 1                                  | INVALID  | INVALID
            """)
    void operandAgainstAttributeType(String filter, Outcome strict, Outcome lenient) {
        assertThat(outcome(ClientDialect.strict(), filter)).as("strict").isEqualTo(strict);
        assertThat(outcome(ClientDialect.lenient(), filter)).as("lenient").isEqualTo(lenient);
    }

    @Test
    void theRuleCountsOnlyFiltersItRewroteAndCanBeSwitchedOff() {
        ClientDialect lenient = ClientDialect.lenient();
        Filter typed = parse("active eq true");
        assertThat(lenient.normalizeFilter(typed, SampleResources.USER, SampleResources.REGISTRY)).isSameAs(typed);
        assertThat(lenient.stats().firings(DialectRule.FILTER_STRING_OPERANDS)).isZero();

        Filter rewritten = lenient.normalizeFilter(parse("active eq \"true\" and userName eq \"true\""),
                SampleResources.USER, SampleResources.REGISTRY);
        assertThat(rewritten).isEqualTo(parse("active eq true and userName eq \"true\""));
        assertThat(lenient.firings()).containsEntry("filter-string-operands", 1L);

        assertThat(outcome(ClientDialect.lenient().without(DialectRule.FILTER_STRING_OPERANDS), "active eq \"true\""))
                .isEqualTo(Outcome.INVALID);
    }

    @Test
    void unknownPathsAreLeftForTheEvaluatorToReport() {
        Filter unknown = parse("nosuch eq \"true\" or name eq \"1\"");
        assertThat(ClientDialect.lenient().normalizeFilter(unknown, SampleResources.USER, SampleResources.REGISTRY))
                .isSameAs(unknown);
    }

    private static Outcome outcome(ClientDialect dialect, String text) {
        Filter filter = dialect.normalizeFilter(parse(text), SampleResources.USER, SampleResources.REGISTRY);
        ScimException error = catchThrowableOfType(ScimException.class, () -> USERS.compile(filter));
        if (error != null) {
            assertThat(error.scimType()).contains(ScimErrorType.INVALID_FILTER);
            return Outcome.INVALID;
        }
        return USERS.compile(filter).matches(SampleResources.BJENSEN) ? Outcome.MATCH : Outcome.NO_MATCH;
    }

    private static Filter parse(String text) {
        return FilterParser.parse(text.replace("T:", SampleResources.TEST_URN + ":"), FilterSettings.lenient());
    }
}

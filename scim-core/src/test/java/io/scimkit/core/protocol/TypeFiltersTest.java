package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A root query's filter reduced to the Group type (RFC 7644 §3.4.2.1: an attribute a type does not
 * define has no value): TRUE, FALSE, or the filter the Group store and evaluator then see.
 */
class TypeFiltersTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceType GROUP = REGISTRY.resourceType("Group").orElseThrow();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            userName eq "x"                                   | FALSE
            userName gt "x"                                   | FALSE
            userName pr                                       | FALSE
            userName ne "x"                                   | TRUE
            userName eq null                                  | TRUE
            userName ne null                                  | FALSE
            not (userName pr)                                 | TRUE
            emails[type eq "work"]                            | FALSE
            members.nosuch eq "x"                             | FALSE
            urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x" | FALSE
            userName eq "x" or displayName eq "y"             | displayName eq "y"
            displayName eq "y" and not (userName pr)          | displayName eq "y"
            userName eq "x" and displayName eq "y"            | FALSE
            userName ne "x" or displayName eq "y"             | TRUE
            displayName eq "y" or members[value eq "u"]       | displayName eq "y" or members[value eq "u"]
            not (displayName eq "y" or userName pr)           | not (displayName eq "y")
            userName gt null                                  | userName gt null
            members[nosuch eq "x"]                            | members[nosuch eq "x"]
            displayName eq 5                                  | displayName eq 5
            """)
    void reducedForGroups(String filter, String expected) {
        TypeFilters.Reduced reduced = TypeFilters.reduce(FilterParser.parse(filter), REGISTRY, GROUP);
        String actual = reduced instanceof TypeFilters.Constant constant ? (constant.holds() ? "TRUE" : "FALSE")
                : ((TypeFilters.Remaining) reduced).filter().toString();
        String wanted = expected.equals("TRUE") || expected.equals("FALSE") ? expected
                : FilterParser.parse(expected).toString();
        assertThat(actual).isEqualTo(wanted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            displayName eq "y" and members pr
            not (displayName eq "y")
            """)
    void aFilterOverDefinedPathsIsKeptAsTheSameInstance(String text) {
        Filter filter = FilterParser.parse(text);
        assertThat(TypeFilters.reduce(filter, REGISTRY, GROUP))
                .isInstanceOfSatisfying(TypeFilters.Remaining.class, kept -> assertThat(kept.filter()).isSameAs(filter));
    }
}

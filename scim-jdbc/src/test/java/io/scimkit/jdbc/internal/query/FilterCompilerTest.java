package io.scimkit.jdbc.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.jdbc.schema.Dialect;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The filter compiler's output, AST to SQL text and parameters (RFC 7644 §3.4.2.2; DESIGN.md §7). */
class FilterCompilerTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final String EMAIL = "EXISTS (SELECT 1 FROM scim_email e WHERE e.tenant = r.tenant"
            + " AND e.resource_type = r.resource_type AND e.resource_id = r.id AND ";
    private static final String MEMBER = "EXISTS (SELECT 1 FROM scim_member m WHERE m.tenant = r.tenant"
            + " AND m.resource_type = r.resource_type AND m.group_id = r.id AND ";

    static Stream<Arguments> userFilters() {
        return Stream.of(
                row("userName eq \"BJensen@Example.com\"",
                        "(r.user_name_key IS NOT NULL AND r.user_name_key = ? AND r.user_name_fold = ?)",
                        "bjensen@example.com", "bjensen@example.com"),
                row("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"x\"",
                        "(r.user_name_key IS NOT NULL AND r.user_name_key = ? AND r.user_name_fold = ?)", "x", "x"),
                row("externalId eq \"Ext-1\"", "(r.external_id IS NOT NULL AND r.external_id = ?)", "Ext-1"),
                row("id ne \"a\"", "NOT ((r.id IS NOT NULL AND r.id = ?))", "a"),
                row("userName sw \"A%b_c\\\\\"", "(r.user_name_fold IS NOT NULL AND r.user_name_fold LIKE ? ESCAPE '\\')",
                        "a\\%b\\_c\\\\%"),
                row("userName co \"'; DROP TABLE x; --\"",
                        "(r.user_name_fold IS NOT NULL AND r.user_name_fold LIKE ? ESCAPE '\\')", "%'; drop table x; --%"),
                row("externalId ew \"Z\"", "(r.external_id IS NOT NULL AND r.external_id LIKE ? ESCAPE '\\')", "%Z"),
                row("userName gt \"M\"", "(r.user_name_fold IS NOT NULL AND r.user_name_fold > ?)", "m"),
                row("active eq true", "(r.active IS NOT NULL AND r.active = ?)", true),
                row("active pr", "r.active IS NOT NULL"),
                row("userName pr", "(r.user_name_fold IS NOT NULL AND r.user_name_fold <> '')"),
                row("externalId eq null", "NOT ((r.external_id IS NOT NULL AND r.external_id <> ''))"),
                row("externalId ne null", "(r.external_id IS NOT NULL AND r.external_id <> '')"),
                row("meta.lastModified ge \"2025-01-02T03:04:05.123456Z\"",
                        "(r.last_modified IS NOT NULL AND r.last_modified >= ?)",
                        OffsetDateTime.parse("2025-01-02T03:04:05.123456Z")),
                row("emails.value eq \"A@x.com\"", EMAIL + "(e.value_fold IS NOT NULL AND e.value_fold = ?))", "a@x.com"),
                row("emails co \"@x\"", EMAIL + "(e.value_fold IS NOT NULL AND e.value_fold LIKE ? ESCAPE '\\'))", "%@x%"),
                row("emails.value ne \"a\"", "NOT (" + EMAIL + "(e.value_fold IS NOT NULL AND e.value_fold = ?)))", "a"),
                row("emails[type eq \"work\" and value eq \"b@x\"]", EMAIL + "((e.type_fold IS NOT NULL AND"
                        + " e.type_fold = ?) AND (e.value_fold IS NOT NULL AND e.value_fold = ?)))", "work", "b@x"),
                row("emails[type eq \"work\"].value eq \"B@X\"", EMAIL + "((e.type_fold IS NOT NULL AND"
                        + " e.type_fold = ?) AND (e.value_fold IS NOT NULL AND e.value_fold = ?)))", "work", "b@x"),
                row("emails[not (primary eq true)]", EMAIL + "NOT ((e.is_primary IS NOT NULL AND e.is_primary = ?)))", true),
                row("userName eq \"a\" or not (active eq false)",
                        "((r.user_name_key IS NOT NULL AND r.user_name_key = ? AND r.user_name_fold = ?) OR"
                                + " NOT ((r.active IS NOT NULL AND r.active = ?)))", "a", "a", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userFilters")
    void userFiltersCompileToParameterisedSql(String filter, String sql, List<Object> parameters) {
        SqlFragment compiled = compiler("User", Dialect.H2).compile(parse(filter)).orElseThrow();
        assertThat(compiled.sql()).isEqualTo(sql);
        assertThat(compiled.parameters()).containsExactlyElementsOf(parameters);
    }

    static Stream<Arguments> groupFilters() {
        return Stream.of(
                row("displayName eq \"Sales\"",
                        "(r.display_name_key IS NOT NULL AND r.display_name_key = ? AND r.display_name_fold = ?)",
                        "sales", "sales"),
                row("members[value eq \"U-1\"]", MEMBER + "(m.member_key IS NOT NULL AND m.member_key = ?))", "u-1"),
                row("members.value eq \"u-1\"", MEMBER + "(m.member_key IS NOT NULL AND m.member_key = ?))", "u-1"),
                row("members pr", MEMBER + "1 = 1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupFilters")
    void groupFiltersCompileToParameterisedSql(String filter, String sql, List<Object> parameters) {
        SqlFragment compiled = compiler("Group", Dialect.POSTGRESQL).compile(parse(filter)).orElseThrow();
        assertThat(compiled.sql()).isEqualTo(sql);
        assertThat(compiled.parameters()).containsExactlyElementsOf(parameters);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userFilters")
    void noOperandEverReachesTheSqlText(String filter, String sql, List<Object> parameters) {
        for (Object parameter : parameters) {
            if (parameter instanceof String text && text.length() > 2) {
                assertThat(sql).doesNotContain(text);
            }
        }
        assertThat(sql.chars().filter(c -> c == '?').count()).isEqualTo(parameters.size());
    }

    static FilterCompiler compiler(String type, Dialect dialect) {
        return new FilterCompiler(REGISTRY, REGISTRY.resourceType(type).orElseThrow(), dialect);
    }

    static Filter parse(String text) {
        return FilterParser.parse(text, FilterSettings.lenient());
    }

    private static Arguments row(String filter, String sql, Object... parameters) {
        return Arguments.of(filter, sql, Arrays.asList(parameters));
    }
}

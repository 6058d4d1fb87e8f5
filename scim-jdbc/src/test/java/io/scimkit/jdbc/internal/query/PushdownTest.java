package io.scimkit.jdbc.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.jdbc.schema.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exactly which filters the JDBC store leaves to the core (its capabilities say it does not
 * evaluate them, DESIGN.md §4): everything on attributes kept only in the JSON body, and the few
 * operators whose SQL semantics would differ from the evaluator's.
 */
class PushdownTest {
    /** Not pushed on any dialect: the store's capabilities answer false for each. */
    static final List<String> USER_FILTERS_NOT_PUSHED = List.of(
            "name.familyName eq \"Jensen\"",
            "displayName co \"Babs\"",
            "nickName pr",
            "title sw \"Dr\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"",
            "emails pr",
            "emails.display co \"x\"",
            "emails[display eq \"x\"]",
            "emails[type eq \"work\" and display eq \"x\"]",
            "phoneNumbers[type eq \"work\"]",
            "groups.value eq \"g1\"",
            "groups pr",
            "schemas eq \"urn:ietf:params:scim:schemas:core:2.0:User\"",
            "meta.resourceType eq \"User\"",
            "meta.version eq \"W/\\\"1\\\"\"",
            "meta.location pr",
            "meta.created gt \"2025-01-01T00:00:00.0000001Z\"",
            "userName eq \"a\" and name.givenName pr",
            "userName eq \"a\" or title pr",
            "not (nickName eq \"x\")",
            "active eq \"true\"",
            "userName eq 5",
            "unknownAttribute eq \"x\"");

    /** Pushed on H2 (which orders strings as Java does), not on PostgreSQL (code point order). */
    static final List<String> USER_FILTERS_PUSHED_ON_H2_ONLY = List.of(
            "userName gt \"m\"", "externalId le \"x\"", "emails.value lt \"b\"");

    static final List<String> USER_FILTERS_PUSHED = List.of(
            "userName eq \"bjensen\"", "externalId eq \"x\"", "id eq \"x\"", "active eq true", "active pr",
            "emails[type eq \"work\"].value eq \"a@b\"", "emails[type eq \"work\" and value co \"@\" and primary eq true]",
            "emails co \"@example\"", "meta.created gt \"2025-01-01T00:00:00Z\"", "meta.lastModified le \"2025-01-01T00:00:00.123Z\"",
            "userName sw \"a\" and not (active eq false) or externalId pr", "emails.type eq \"home\"", "userName ne null");

    static final List<String> GROUP_FILTERS_NOT_PUSHED = List.of(
            "members.display co \"x\"", "members.type eq \"User\"", "members[type eq \"User\"]", "externalId sw 1");

    static final List<String> GROUP_FILTERS_PUSHED = List.of(
            "displayName eq \"Sales\"", "members[value eq \"u1\"]", "members.value eq \"u1\"", "members pr",
            "id eq \"g\" and members[value eq \"u1\"]");

    @Test
    void userFiltersNotPushedDown() {
        for (Dialect dialect : Dialect.values()) {
            FilterCompiler compiler = FilterCompilerTest.compiler("User", dialect);
            for (String filter : USER_FILTERS_NOT_PUSHED) {
                assertThat(compiler.compile(FilterCompilerTest.parse(filter))).as("%s on %s", filter, dialect).isEmpty();
            }
        }
    }

    @Test
    void stringOrderingIsPushedOnlyWhereTheDatabaseOrdersAsJava() {
        for (String filter : USER_FILTERS_PUSHED_ON_H2_ONLY) {
            assertThat(FilterCompilerTest.compiler("User", Dialect.H2).compile(FilterCompilerTest.parse(filter)))
                    .as(filter).isPresent();
            assertThat(FilterCompilerTest.compiler("User", Dialect.POSTGRESQL).compile(FilterCompilerTest.parse(filter)))
                    .as(filter).isEmpty();
        }
    }

    @Test
    void entraAndIndexedFiltersArePushedDown() {
        for (Dialect dialect : Dialect.values()) {
            for (String filter : USER_FILTERS_PUSHED) {
                assertThat(FilterCompilerTest.compiler("User", dialect).compile(FilterCompilerTest.parse(filter)))
                        .as("%s on %s", filter, dialect).isPresent();
            }
            for (String filter : GROUP_FILTERS_PUSHED) {
                assertThat(FilterCompilerTest.compiler("Group", dialect).compile(FilterCompilerTest.parse(filter)))
                        .as("%s on %s", filter, dialect).isPresent();
            }
            for (String filter : GROUP_FILTERS_NOT_PUSHED) {
                assertThat(FilterCompilerTest.compiler("Group", dialect).compile(FilterCompilerTest.parse(filter)))
                        .as("%s on %s", filter, dialect).isEmpty();
            }
        }
    }

    @Test
    void unpushableFiltersStillNarrowByTheirPushableConjuncts() {
        FilterCompiler compiler = FilterCompilerTest.compiler("User", Dialect.H2);
        assertThat(compiler.narrowing(FilterCompilerTest.parse("userName eq \"a\" and name.givenName pr"))
                .orElseThrow().sql()).contains("r.user_name_key");
        assertThat(compiler.narrowing(FilterCompilerTest.parse("userName eq \"a\" or title pr"))).isEmpty();
    }
}

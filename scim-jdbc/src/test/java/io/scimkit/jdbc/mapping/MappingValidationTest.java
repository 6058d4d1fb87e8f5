package io.scimkit.jdbc.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.schema.SchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A mapping that does not fit the database or the SCIM schema fails at start, naming the attribute and the column. */
class MappingValidationTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private final AppDatabase database = AppDatabase.h2(AppDatabase.Shape.NUMERIC);

    @AfterEach
    void drop() {
        database.close();
    }

    private static SqlMapping users() {
        return SqlMapping.users("app_user").tenant("tenant_id").attribute("userName", "login").json("scim_extra")
                .version("row_version").created("created_at").lastModified("updated_at");
    }

    private static SqlMapping groups() {
        return SqlMapping.groups("team").tenant("tenant_id").attribute("displayName", "name")
                .members("team_member", "team_id", "user_id").json("scim_extra").version("row_version");
    }

    private String failure(SqlMapping users, SqlMapping groups) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> SqlMappingStores.open(database.dataSource(), REGISTRY, users, groups));
        assertThat(thrown).isInstanceOf(IllegalStateException.class);
        return thrown.getMessage();
    }

    @Test
    void theMappingOfTheTestsFits() {
        SqlMappingStores stores = SqlMappingStores.open(database.dataSource(), REGISTRY, users(), groups());
        assertThat(stores.users()).isNotNull();
        assertThat(stores.groups()).isNotNull();
    }

    @Test
    void aMissingColumnIsNamedWithItsAttribute() {
        assertThat(failure(users().attribute("name.givenName", "first_nme"), groups()))
                .contains("User attribute name.givenName is mapped to app_user.first_nme, but the table app_user has no "
                        + "column first_nme");
    }

    @Test
    void aColumnOfTheWrongTypeIsNamedWithItsAttributeAndTheFix() {
        assertThat(failure(users().attribute("active", "status"), groups()))
                .contains("User attribute active is mapped to app_user.status, a text column, which cannot hold it")
                .contains("[boolean]").contains("ValueConverter");
        assertThat(failure(users().id("login", IdType.LONG), groups()))
                .contains("User id is mapped to app_user.login, a text column");
    }

    @Test
    void aMissingTableIsNamed() {
        assertThat(failure(SqlMapping.users("app_users").attribute("userName", "login"), groups()))
                .contains("Users are mapped to the table app_users, which does not exist");
        assertThat(failure(users(), groups().members("team_members", "team_id", "user_id")))
                .contains("Group members are mapped to the table team_members, which does not exist");
    }

    @Test
    void anUnknownAttributeIsNamedWithItsColumn() {
        assertThat(failure(users().attribute("nickname2", "given_name"), groups()))
                .contains("User attribute nickname2 (mapped to app_user.given_name): the User resource type has no such "
                        + "attribute");
        assertThat(failure(users().attribute("emails.value", "email"), groups()))
                .contains("emails.value").contains("pick one with a filter");
        assertThat(failure(users().attribute("name", "given_name"), groups()))
                .contains("User attribute name (mapped to app_user.given_name): a complex attribute needs a column per "
                        + "sub-attribute");
    }

    @Test
    void everyMistakeIsInTheOneMessage() {
        String message = failure(SqlMapping.users("app_user").attribute("name.givenName", "given"),
                SqlMapping.groups("team").attribute("displayName", "title"));
        assertThat(message.split("\n  - ")).hasSize(6);
        assertThat(message).contains("app_user.given").contains("User attribute userName has no column")
                .contains("team.title").contains("the Group mapping has no members table")
                .contains("the Group mapping has no version column").doesNotContain("Exception")
                .doesNotContain("displayName has no column");
    }

    @Test
    void refusingUnmappedAttributesAtStartListsThem() {
        SqlMapping strict = SqlMapping.users("app_user").tenant("tenant_id").attribute("userName", "login")
                .attribute("name.givenName", "given_name").unmapped(SqlMapping.Unmapped.REFUSE_AT_START);
        assertThat(failure(strict, groups()))
                .contains("User attribute title has no column and the mapping refuses unmapped attributes at start")
                .contains("User attribute name.familyName has no column")
                .doesNotContain("attribute name.givenName has no column")
                .contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department has no column");
    }

    @Test
    void namesThatAreNoPlainIdentifiersAreRefusedWhenMapped() {
        assertThatThrownBy(() -> users().attribute("title", "login; DROP TABLE app_user"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a plain SQL column name");
        assertThatThrownBy(() -> SqlMapping.users("app_user u")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlMapping.users("app_user").members("m", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

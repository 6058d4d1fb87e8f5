package io.scimkit.jdbc.mapping;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.value.BooleanValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the application sees in its own tables, and what the mapped store pushes down. */
class MappedStoreTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");

    private final AppDatabase database = AppDatabase.h2(AppDatabase.Shape.NUMERIC);
    private final UserStore users = AppDatabase.numericStores(database.dataSource(), REGISTRY).users();

    @AfterEach
    void drop() {
        database.close();
    }

    private static StoreContext context(String tenant) {
        return new StoreContext(tenant, "test", USER, Projection.none(REGISTRY, USER), T0);
    }

    private static ScimResource user(String json) {
        return ResourceCodec.of(REGISTRY).read(json.getBytes(UTF_8), USER);
    }

    private Map<String, Object> row(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row for " + sql).isTrue();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                row.put(rows.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), rows.getObject(i));
            }
            return row;
        }
    }

    @Test
    void theApplicationsColumnsHoldTheMappedAttributes() throws Exception {
        ScimResource created = users.create(context("acme"), ResourceCreate.of(user("""
                {"userName":"Zoë@Example.com","externalId":"0a21","active":false,"title":"Guide",
                 "name":{"givenName":"Zoë","familyName":"Å"},
                 "emails":[{"value":"z@home.example","type":"home"},{"value":"z@example.com","type":"work"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"}}""")));
        Map<String, Object> row = row("SELECT * FROM app_user WHERE id = " + created.id().orElseThrow());
        assertThat(row).containsEntry("tenant_id", "acme").containsEntry("login", "Zoë@Example.com")
                .containsEntry("object_id", "0a21").containsEntry("status", "DISABLED").containsEntry("given_name", "Zoë")
                .containsEntry("email", "z@example.com").containsEntry("dept", "R&D").containsEntry("row_version", 1L);
        assertThat(String.valueOf(row.get("scim_extra"))).contains("Guide").contains("z@home.example")
                .doesNotContain("z@example.com").doesNotContain("Zoë@");
        assertThat(users.get(context("acme"), created.id().orElseThrow())).contains(created);
        assertThat(users.get(context("other"), created.id().orElseThrow())).isEmpty();
    }

    @Test
    void aStatusTheApplicationWritesReadsThroughTheConverter() throws Exception {
        String id = users.create(context("acme"), ResourceCreate.of(user("{\"userName\":\"a\",\"active\":true}")))
                .id().orElseThrow();
        assertThat(row("SELECT status FROM app_user WHERE id = " + id)).containsEntry("status", "ACTIVE");
        database.execute("UPDATE app_user SET status = 'LOCKED' WHERE id = " + id);
        assertThat(users.get(context("acme"), id).orElseThrow().get("active")).contains(BooleanValue.of(false));
    }

    @Test
    void filtersOnMappedColumnsArePushedDownAndTheRestLeftToTheCore() {
        for (String pushed : new String[] {"userName eq \"A\"", "externalId eq \"x\"", "userName sw \"a\"",
            "emails[type eq \"work\"].value eq \"a@x\"", "emails[type eq \"work\" and value co \"@x\"]", "active eq true",
            "not (active eq false)", "name.familyName pr", "meta.lastModified gt \"2025-01-01T00:00:00Z\"",
            "id eq \"42\"", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"R&D\"",
            "userName eq \"a\" or (externalId eq \"b\" and active eq false)"}) {
            assertThat(users.capabilities().evaluates(FilterParser.parse(pushed))).as(pushed).isTrue();
        }
        for (String core : new String[] {"title eq \"x\"", "emails.value eq \"a@x\"", "emails[type eq \"home\"].value eq \"a\"",
            "userName gt \"a\"", "userName ne \"a\"", "emails[value eq \"a@x\"]", "userName eq \"a\" or title pr"}) {
            assertThat(users.capabilities().evaluates(FilterParser.parse(core))).as(core).isFalse();
        }
        assertThat(users.capabilities().sorts()).isTrue();
    }

    @Test
    void theApplicationsUniqueIndexIs409NamingTheAttribute() {
        users.create(context("acme"), ResourceCreate.of(user("{\"userName\":\"Bob\"}")));
        assertThatThrownBy(() -> users.create(context("acme"), ResourceCreate.of(user("{\"userName\":\"BOB\"}"))))
                .isInstanceOfSatisfying(ScimException.class, conflict -> {
                    assertThat(conflict.status()).isEqualTo(409);
                    assertThat(conflict.getMessage()).contains("userName").doesNotContain("app_user").doesNotContain("login");
                });
        users.create(context("other"), ResourceCreate.of(user("{\"userName\":\"BOB\"}")));
    }

    @Test
    void withoutAJsonColumnAnUnmappedAttributeIsRefusedAndNothingStored() throws Exception {
        SqlMapping strict = SqlMapping.users("app_user").tenant("tenant_id").attribute("userName", "login")
                .version("row_version").created("created_at").lastModified("updated_at");
        SqlMapping groups = SqlMapping.groups("team").tenant("tenant_id").attribute("displayName", "name")
                .members("team_member", "team_id", "user_id").version("row_version").created("created_at")
                .lastModified("updated_at");
        UserStore refusing = SqlMappingStores.open(database.dataSource(), REGISTRY, strict, groups).users();
        assertThatThrownBy(() -> refusing.create(context("acme"), ResourceCreate.of(user(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"title\":\"Boss\"}"))))
                .isInstanceOfSatisfying(ScimException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.getMessage()).contains("title").doesNotContain("userName").doesNotContain("schemas");
                });
        assertThat(row("SELECT COUNT(*) AS n FROM app_user")).containsEntry("n", 0L);
        assertThat(refusing.create(context("acme"), ResourceCreate.of(user("{\"userName\":\"a\"}"))).id()).isPresent();
    }

    @Test
    void aSoftDeleteKeepsTheRowAndTheUserIsGone() throws Exception {
        try (AppDatabase uuid = AppDatabase.h2(AppDatabase.Shape.UUID)) {
            UserStore people = AppDatabase.uuidStores(uuid.dataSource(), REGISTRY).users();
            StoreContext context = context(StoreContext.DEFAULT_TENANT);
            String id = people.create(context, ResourceCreate.of(user("{\"userName\":\"gone\"}"))).id().orElseThrow();
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            people.delete(context, ResourceDelete.of(id));
            assertThat(people.get(context, id)).isEmpty();
            assertThatThrownBy(() -> people.delete(context, ResourceDelete.of(id))).isInstanceOf(ScimException.class);
            uuid.execute("CREATE TABLE probe AS SELECT COUNT(*) AS n FROM person WHERE deleted_at IS NOT NULL");
            try (Connection connection = uuid.dataSource().getConnection(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT n FROM probe")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
            assertThat(people.create(context, ResourceCreate.of(user("{\"userName\":\"GONE\"}"))).id()).isPresent();
        }
    }
}

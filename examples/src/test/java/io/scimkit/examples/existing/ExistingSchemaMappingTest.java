package io.scimkit.examples.existing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.ScimService;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import java.net.URI;
import java.net.URLEncoder;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the application sees in its own tables, and what SCIM sees when the application changes them. */
class ExistingSchemaMappingTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // TIMESTAMP(6): PostgreSQL keeps microseconds, so meta times are stored to the microsecond.
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;

    private final ExistingDatabase database = ExistingDatabase.h2();
    private final EmployeeStore employees = new EmployeeStore(database.dataSource(), REGISTRY);
    private final TeamStore teams = new TeamStore(database.dataSource(), REGISTRY);

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private static StoreContext context(ResourceType type) {
        return new StoreContext(StoreContext.DEFAULT_TENANT, "test", type, Projection.none(REGISTRY, type), T0);
    }

    private static ScimResource user(String json) {
        return ResourceCodec.of(REGISTRY).read(json.getBytes(UTF_8), CoreSchemas.USER_RESOURCE_TYPE);
    }

    private ScimResource createUser(String json) {
        return employees.create(context(CoreSchemas.USER_RESOURCE_TYPE), ResourceCreate.of(user(json)));
    }

    private Map<String, Object> row(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row for " + sql).isTrue();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                Object value = rows.getObject(i) instanceof Clob ? rows.getString(i) : rows.getObject(i);
                row.put(rows.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), value);
            }
            return row;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void theApplicationsColumnsHoldTheMappedAttributesAndTheJsonTheRest() throws Exception {
        ScimResource created = createUser("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
                 "userName":"Zoë.Ångström@Example.com","externalId":"0a21f0f2-8d2a","active":true,"title":"Tour Guide",
                 "name":{"givenName":"Zoë","familyName":"Ångström","formatted":"Zoë Ångström"},
                 "emails":[{"value":"zoe@home.example","type":"home"},{"value":"zoe@example.com","type":"work","primary":true}],
                 "%s":{"department":"Forschung"}}""".formatted(ENTERPRISE, ENTERPRISE));
        Map<String, Object> row = row("SELECT * FROM employees WHERE id = " + created.id().orElseThrow());
        assertThat(row).containsEntry("login", "Zoë.Ångström@Example.com").containsEntry("login_key", "zoë.ångström@example.com")
                .containsEntry("object_id", "0a21f0f2-8d2a").containsEntry("first_name", "Zoë")
                .containsEntry("last_name", "Ångström").containsEntry("enabled", true).containsEntry("email", "zoe@example.com")
                .containsEntry("tenant", "default").containsEntry("version", 1L);
        JsonNode scim = MAPPER.readTree((String) row.get("scim"));
        assertThat(scim.has("userName")).isFalse();
        assertThat(scim.has("externalId")).isFalse();
        assertThat(scim.has("active")).isFalse();
        assertThat(scim.path("name").path("formatted").asText()).isEqualTo("Zoë Ångström");
        assertThat(scim.path("name").has("givenName")).isFalse();
        assertThat(scim.path("emails").get(1).toString()).isEqualTo("{\"type\":\"work\",\"primary\":true}");
        assertThat(scim.path(ENTERPRISE).path("department").asText()).isEqualTo("Forschung");
        assertThat(created.meta().orElseThrow().created()).isEqualTo(T0);
        assertThat(employees.get(context(CoreSchemas.USER_RESOURCE_TYPE), created.id().orElseThrow())).contains(created);
    }

    @Test
    void changesTheApplicationMakesToItsColumnsAreWhatScimSees() throws Exception {
        String id = createUser("""
                {"userName":"bjensen","name":{"givenName":"Barbara"},"active":true,
                 "emails":[{"value":"b@home.example","type":"home"},{"value":"b@example.com","type":"work","primary":true}]}""")
                .id().orElseThrow();
        execute("UPDATE employees SET first_name = 'Babs', enabled = FALSE, email = 'babs@example.com' WHERE id = " + id);
        ScimResource changed = employees.get(context(CoreSchemas.USER_RESOURCE_TYPE), id).orElseThrow();
        assertThat(changed.body()).isEqualTo(user("""
                {"userName":"bjensen","name":{"givenName":"Babs"},"active":false,
                 "emails":[{"value":"b@home.example","type":"home"},{"value":"babs@example.com","type":"work","primary":true}]}""")
                .body().with("id", changed.body().getOrNull("id")).with("meta", changed.body().getOrNull("meta")));
        execute("UPDATE employees SET email = NULL WHERE id = " + id);
        assertThat(employees.get(context(CoreSchemas.USER_RESOURCE_TYPE), id).orElseThrow().get("emails").orElseThrow())
                .isEqualTo(user("{\"emails\":[{\"value\":\"b@home.example\",\"type\":\"home\"}]}").get("emails").orElseThrow());
    }

    @Test
    void idsComeFromOneSequenceAndTextThatIsNoKeyIsNotFound() {
        String userId = createUser("{\"userName\":\"a\"}").id().orElseThrow();
        String teamId = teams.create(context(CoreSchemas.GROUP_RESOURCE_TYPE), ResourceCreate.of(
                ScimResource.of(ComplexValue.builder().put("displayName", "Admins").build())))
                .id().orElseThrow();
        assertThat(teamId).isNotEqualTo(userId);
        StoreContext users = context(CoreSchemas.USER_RESOURCE_TYPE);
        assertThat(employees.get(users, teamId)).isEmpty();
        for (String id : List.of("abc", "", "-1", "99999999999999999999", userId + " ")) {
            assertThat(employees.get(users, id)).isEmpty();
            assertThatThrownBy(() -> employees.delete(users, ResourceDelete.of(id)))
                    .isInstanceOfSatisfying(ScimException.class, error -> assertThat(error.status()).isEqualTo(404));
            assertThatThrownBy(() -> employees.update(users, ResourceUpdate.replace(id, null, user("{\"userName\":\"b\"}"))))
                    .isInstanceOfSatisfying(ScimException.class, error -> assertThat(error.status()).isEqualTo(404));
        }
    }

    @Test
    void membersAreRowsOfTeamMembersAndOnlyEmployeesCanBeMembers() throws Exception {
        String a = createUser("{\"userName\":\"a\"}").id().orElseThrow();
        String b = createUser("{\"userName\":\"b\"}").id().orElseThrow();
        StoreContext groups = context(CoreSchemas.GROUP_RESOURCE_TYPE);
        ScimResource team = teams.create(groups, new ResourceCreate(
                ScimResource.of(ComplexValue.builder().put("displayName", "Sales").build()), List.of(MemberChanges.member(a))));
        String id = team.id().orElseThrow();
        teams.update(groups, ResourceUpdate.members(id, MemberChanges.add(List.of(MemberChanges.member(b),
                MemberChanges.member(id), MemberChanges.member("not-an-id"), MemberChanges.member(a)))));
        assertThat(row("SELECT COUNT(*) AS n FROM team_members WHERE team_id = " + id)).containsEntry("n", 2L);
        assertThat(teams.membersAmong(groups, id, Set.of(a, b, id, "x"))).containsExactlyInAnyOrder(a, b);
        teams.update(groups, ResourceUpdate.members(id, MemberChanges.remove(List.of(a, "not-an-id"))));
        assertThat(row("SELECT employee_id FROM team_members WHERE team_id = " + id)).containsEntry("employee_id", Long.parseLong(b));
        assertThat(teams.groupsOf(groups, b)).singleElement().satisfies(m -> assertThat(m.display()).isEqualTo("Sales"));
    }

    @Test
    void throughTheServiceADeletedEmployeeLeavesItsTeamsAndTheTeamGetsANewVersion() throws Exception {
        ScimService service = ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2")).schemas(REGISTRY)
                .userStore(employees).groupStore(teams).build();
        String alice = call(service, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"alice@example.com\"}").path("id").asText();
        JsonNode team = call(service, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Engineering\",\"members\":[{\"value\":\"" + alice + "\"}]}");
        assertThat(team.path("members").get(0).path("value").asText()).isEqualTo(alice);
        assertThat(call(service, "DELETE", "/Users/" + alice, null).isMissingNode()).isTrue();
        JsonNode after = call(service, "GET", "/Groups/" + team.path("id").asText(), null);
        assertThat(after.has("members")).isFalse();
        assertThat(after.path("meta").path("version").asText()).isNotEqualTo(team.path("meta").path("version").asText());
        assertThat(row("SELECT COUNT(*) AS n FROM team_members")).containsEntry("n", 0L);
        JsonNode page = call(service, "GET", "/Users?filter=" + URLEncoder.encode("userName eq \"ALICE@example.com\"",
                UTF_8), null);
        assertThat(page.path("totalResults").asInt()).isZero();
    }

    private static JsonNode call(ScimService service, String method, String pathAndQuery, String body) throws Exception {
        String[] parts = pathAndQuery.split("\\?", 2);
        ScimRequest request = new ScimRequest(method, parts[0], parts.length > 1 ? parts[1] : "",
                HttpHeaders.of("Content-Type", "application/scim+json"), body == null ? new byte[0] : body.getBytes(UTF_8),
                ScimPrincipal.of("test"), null);
        ScimResponse response = service.handle(request);
        assertThat(response.status()).as(response.bodyText()).isBetween(200, 299);
        return response.body().length == 0 ? MAPPER.missingNode() : MAPPER.readTree(response.body());
    }
}

package io.scimkit.examples.mapped;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.jdbc.mapping.SqlMappingStores;
import java.net.URI;
import java.net.URLEncoder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The example through the SCIM protocol: what the application's tables hold, and what SCIM sees of their changes. */
class AppTablesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    private final AppDatabase database = AppDatabase.h2();
    private final ScimService service = service(AppTables.open(database.dataSource(), SchemaRegistry.core()));

    private static ScimService service(SqlMappingStores stores) {
        return ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2")).schemas(SchemaRegistry.core())
                .userStore(stores.users()).groupStore(stores.groups()).build();
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void provisioningWritesTheApplicationsOwnColumns() throws Exception {
        JsonNode alice = call(200, 201, "POST", "/Users", """
                {"schemas":["%s"],"userName":"Alice@Example.com","externalId":"00aa","active":true,"title":"CTO",
                 "name":{"givenName":"Alice","familyName":"Smith"},"emails":[{"type":"work","value":"alice@example.com"}]}"""
                .formatted(USER));
        String id = alice.path("id").asText();
        assertThat(query("SELECT login || '|' || email || '|' || status || '|' || entra_object_id || '|' || first_name"
                + " FROM users WHERE id = " + id)).isEqualTo("Alice@Example.com|alice@example.com|ACTIVE|00aa|Alice");
        assertThat(query("SELECT scim_extra FROM users WHERE id = " + id)).contains("\"title\":\"CTO\"");
        JsonNode found = call(200, 200, "GET", "/Users?filter=" + URLEncoder.encode("userName eq \"ALICE@example.COM\"",
                UTF_8), null);
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);

        JsonNode team = call(200, 201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Engineering\"}");
        String teamId = team.path("id").asText();
        call(200, 204, "PATCH", "/Groups/" + teamId, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}");
        assertThat(query("SELECT COUNT(*) FROM team_members WHERE team_id = " + teamId + " AND user_id = " + id))
                .isEqualTo("1");

        database.execute("UPDATE users SET status = 'DISABLED' WHERE id = " + id);
        assertThat(call(200, 200, "GET", "/Users/" + id, null).path("active").asBoolean()).isFalse();

        call(204, 204, "DELETE", "/Users/" + id, null);
        assertThat(query("SELECT COUNT(*) FROM team_members")).isEqualTo("0");
        JsonNode after = call(200, 200, "GET", "/Groups/" + teamId, null);
        assertThat(after.has("members")).isFalse();
        assertThat(after.path("meta").path("version").asText()).isNotEqualTo(team.path("meta").path("version").asText());
    }

    private String query(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }

    private JsonNode call(int lowest, int highest, String method, String pathAndQuery, String body) throws Exception {
        String[] parts = pathAndQuery.split("\\?", 2);
        ScimResponse response = service.handle(new ScimRequest(method, parts[0], parts.length > 1 ? parts[1] : "",
                HttpHeaders.of("Content-Type", "application/scim+json"), body == null ? new byte[0] : body.getBytes(UTF_8),
                ScimPrincipal.of("test"), null));
        assertThat(response.status()).as(response.bodyText()).isBetween(lowest, highest);
        return response.body().length == 0 ? MAPPER.missingNode() : MAPPER.readTree(response.body());
    }
}

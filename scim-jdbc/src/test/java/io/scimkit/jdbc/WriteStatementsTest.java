package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the statements Entra's writes cost on the JDBC store (each one a round trip on
 * PostgreSQL, and on H2 each written index a page rewritten at commit), counted with
 * {@link StatementLog}: a create is not read back, a PATCH that leaves the e-mail addresses as they
 * were does not rewrite their rows, and what the answer shows is still what a later GET shows.
 */
class WriteStatementsTest {
    private static final ScimPrincipal ENTRA = ScimPrincipal.of("entra");
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/scim+json");
    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"alice@example.com\",\"displayName\":\"Alice\",\"externalId\":\"a-1\","
            + "\"emails\":[{\"value\":\"alice@example.com\",\"type\":\"work\",\"primary\":true}]}";
    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

    private HikariDataSource database;
    private StatementLog log;
    private ScimService service;

    @BeforeEach
    void open() {
        database = TestDatabases.h2Memory();
        log = new StatementLog(database);
        JdbcStores stores = JdbcStores.create(log.dataSource(), SchemaRegistry.core());
        service = ScimService.builder().baseUri(URI.create("https://scim.example.com/scim/v2"))
                .userStore(stores.users()).groupStore(stores.groups()).build();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aCreateIsAnsweredFromWhatItWroteWithoutReadingTheUserBack() {
        log.take();
        ScimResponse created = send("POST", "/Users", USER);
        assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
        List<String> statements = statements();
        assertThat(statements).filteredOn(sql -> sql.startsWith("SELECT") && sql.contains("FROM SCIM_RESOURCE R WHERE"))
                .isEmpty();
        assertThat(statements).filteredOn(sql -> sql.startsWith("INSERT INTO SCIM_RESOURCE")).hasSize(1);
        assertThat(created.bodyText()).isEqualTo(send("GET", "/Users/" + idOf(created), null).bodyText());
    }

    @Test
    void aPatchThatKeepsTheEmailsDoesNotRewriteThemAndAnswersWithTheNewVersion() {
        String id = idOf(send("POST", "/Users", USER));
        log.take();
        ScimResponse patched = patch(id, "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Alice B.\"}");
        assertThat(patched.status()).as(patched.bodyText()).isEqualTo(200);
        List<String> statements = statements();
        assertThat(statements).filteredOn(sql -> sql.contains("SCIM_EMAIL") && !sql.startsWith("SELECT")).isEmpty();
        assertThat(statements).filteredOn(sql -> sql.contains("FINAL TABLE (UPDATE SCIM_RESOURCE")).hasSize(1);
        assertThat(patched.bodyText()).contains("\"displayName\":\"Alice B.\"", "W/\\\"2\\\"")
                .isEqualTo(send("GET", "/Users/" + id, null).bodyText());
    }

    @Test
    void aPatchOfTheEmailsRewritesThemAndFiltersSeeTheNewAddress() {
        String id = idOf(send("POST", "/Users", USER));
        log.take();
        ScimResponse patched = patch(id, "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                + "\"value\":\"alice.b@example.com\"}");
        assertThat(patched.status()).as(patched.bodyText()).isEqualTo(200);
        assertThat(statements()).anyMatch(sql -> sql.startsWith("DELETE FROM SCIM_EMAIL"))
                .anyMatch(sql -> sql.startsWith("INSERT INTO SCIM_EMAIL"));
        ScimResponse found = send("GET", "/Users?filter=emails.value%20eq%20%22alice.b@example.com%22", null);
        assertThat(found.bodyText()).contains("\"totalResults\":1", id);
        ScimResponse old = send("GET", "/Users?filter=emails.value%20eq%20%22alice@example.com%22", null);
        assertThat(old.bodyText()).contains("\"totalResults\":0");
    }

    @Test
    void aStalePatchVersionIsStillRefusedWith412() {
        String id = idOf(send("POST", "/Users", USER));
        ScimResponse stale = service.handle(ScimRequest.of("PATCH", "/Users/" + id, ENTRA)
                .withHeaders(HttpHeaders.of("Content-Type", "application/scim+json", "If-Match", "W/\"7\""))
                .withBody((PATCH_OP + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"X\"}]}")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(stale.status()).as(stale.bodyText()).isEqualTo(412);
        assertThat(send("GET", "/Users/" + id, null).bodyText()).contains("\"displayName\":\"Alice\"");
    }

    private List<String> statements() {
        return log.take().stream().map(execution -> execution.sql().toUpperCase(Locale.ROOT)).toList();
    }

    private ScimResponse patch(String id, String operation) {
        return send("PATCH", "/Users/" + id, PATCH_OP + "\"Operations\":[" + operation + "]}");
    }

    private ScimResponse send(String method, String target, String body) {
        int query = target.indexOf('?');
        ScimRequest request = ScimRequest.of(method, query < 0 ? target : target.substring(0, query), ENTRA);
        if (query >= 0) {
            request = request.withQuery(target.substring(query + 1));
        }
        if (body != null) {
            request = request.withHeaders(JSON).withBody(body.getBytes(StandardCharsets.UTF_8));
        }
        return service.handle(request);
    }

    private static String idOf(ScimResponse response) {
        return response.bodyText().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    }
}

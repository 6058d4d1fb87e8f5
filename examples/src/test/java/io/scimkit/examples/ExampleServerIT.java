package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.examples.ScimHttp.Answer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example server over real HTTP (java.net.http), started as {@code main} starts it but on a free
 * port: the Entra provisioning sequence of ENTRA-PROVISIONING.md §2 in the default shapes and the
 * {@code aadOptscim062020} shapes (§7.1), the bearer-token checks, and the audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleServerIT {
    private static final String TOKEN = "it-" + UUID.randomUUID().toString().replace("-", "");
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PATCH_OP = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    private final List<String> auditLog = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private ExampleServer server;
    private ScimHttp entra;

    @BeforeAll
    void start() {
        ServerOptions options = ServerOptions.defaults().withStore("memory").withPort(0)
                .withToken(new ConfiguredToken(TOKEN, "from SCIM_TOKEN"));
        server = ExampleServer.start(options, ServerEnvironment.standard()
                .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8))
                .withAuditLog(auditLog::add));
        entra = new ScimHttp(server.baseUri(), "Bearer " + TOKEN);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void startupMessageNamesTheTenantUrlButNotAConfiguredToken() {
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(server.baseUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/scim/v2");
        assertThat(printed).contains("Tenant URL").contains(server.baseUri().toString())
                .contains("from SCIM_TOKEN (not shown)").doesNotContain(TOKEN);
    }

    @Test
    void entraProvisioningSequence() {
        // §2.1 Test Connection: a random user and a random group, 200 and empty (never 404).
        String probe = UUID.randomUUID().toString();
        assertEmptyList(entra.get("/Users?filter=userName+eq+%22" + probe + "%22"));
        assertEmptyList(entra.get("/Groups?excludedAttributes=members&filter=displayName+eq+%22" + probe + "%22"));

        // §2.2.1 match: no user yet.
        assertEmptyList(entra.get("/Users?filter=userName+eq+%22alice%40contoso.example%22"));

        // §2.2.2 create with the enterprise extension (file 05a), and the manager.
        Answer created = entra.post("/Users", aliceJson());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/scim+json");
        String alice = created.body().path("id").asText();
        assertThat(alice).isNotBlank();
        assertThat(created.location()).isEqualTo(server.baseUri() + "/Users/" + alice);
        String bob = entra.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"bob@contoso.example\",\"externalId\":\"bob\",\"active\":true}").body().path("id").asText();

        // §2.9 get by id; §2.2.1 the three match forms find exactly Alice.
        JsonNode fetched = entra.get("/Users/" + alice).body();
        assertThat(fetched.path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("100234");
        assertSingleMatch(entra.get("/Users?filter=userName+eq+%22ALICE%40contoso.example%22"), alice);
        assertSingleMatch(entra.get("/Users?filter=externalId+eq+%22alice%22"), alice);
        assertSingleMatch(entra.get("/Users?filter=emails%5Btype+eq+%22work%22%5D.value+eq+%22alice%40contoso.example%22"),
                alice);

        // §2.4 update, default shapes (file 08): capitalised ops, one per attribute.
        Answer updated = entra.patch("/Users/" + alice, "{" + PATCH_OP + ",\"Operations\":["
                + "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Alice Example-Smith\"},"
                + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"alice.smith@contoso.example\"},"
                + "{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"Core\"},"
                + "{\"op\":\"Add\",\"path\":\"nickName\",\"value\":\"Ali\"}]}");
        assertThat(updated.status()).isIn(200, 204);
        JsonNode afterDefault = entra.get("/Users/" + alice).body();
        assertThat(afterDefault.path("displayName").asText()).isEqualTo("Alice Example-Smith");
        assertThat(afterDefault.path("nickName").asText()).isEqualTo("Ali");
        assertThat(afterDefault.path(ENTERPRISE).path("department").asText()).isEqualTo("Core");
        assertThat(workEmail(afterDefault)).isEqualTo("alice.smith@contoso.example");

        // §2.4 update, aadOptscim062020 shapes (file 09): lower-case ops, the rest folded into a no-path value.
        assertThat(entra.patch("/Users/" + alice, "{" + PATCH_OP + ",\"Operations\":["
                + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"alice@contoso.example\"},"
                + "{\"op\":\"replace\",\"value\":{\"displayName\":\"Alice Example\",\"name.familyName\":\"Example\","
                + "\"" + ENTERPRISE + ":employeeNumber\":\"100235\"}}]}").status()).isIn(200, 204);
        JsonNode afterFlag = entra.get("/Users/" + alice).body();
        assertThat(afterFlag.path("displayName").asText()).isEqualTo("Alice Example");
        assertThat(afterFlag.path("name").path("familyName").asText()).isEqualTo("Example");
        assertThat(afterFlag.path("name").path("givenName").asText()).as("untouched").isEqualTo("Alice");
        assertThat(afterFlag.path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("100235");
        assertThat(workEmail(afterFlag)).isEqualTo("alice@contoso.example");

        // §2.2.4 manager, linked by a separate PATCH (file 07, Q9: the bare id as value).
        assertThat(entra.patch("/Users/" + alice, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"Add\",\"path\":\""
                + ENTERPRISE + ":manager\",\"value\":\"" + bob + "\"}]}").status()).isIn(200, 204);
        assertThat(entra.get("/Users/" + alice).body().path(ENTERPRISE).path("manager").path("value").asText())
                .isEqualTo(bob);

        // §2.5 disable with the string "False" (default), §2.6 re-enable with a JSON boolean (flag).
        assertThat(entra.patch("/Users/" + alice, "{" + PATCH_OP
                + ",\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}").status()).isIn(200, 204);
        assertThat(entra.get("/Users/" + alice).body().path("active").asBoolean(true)).isFalse();
        assertSingleMatch(entra.get("/Users?filter=userName+eq+%22alice%40contoso.example%22"), alice);
        assertThat(entra.patch("/Users/" + alice, "{" + PATCH_OP
                + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}").status()).isIn(200, 204);
        assertThat(entra.get("/Users/" + alice).body().path("active").asBoolean(false)).isTrue();

        // §2.3 groups: match, create without members, add members, remove in both shapes, rename, delete.
        assertEmptyList(entra.get("/Groups?excludedAttributes=members&filter=displayName+eq+%22Engineering%22"));
        Answer group = entra.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\","
                + "\"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group\"],"
                + "\"externalId\":\"8aa1a0c0\",\"displayName\":\"Engineering\",\"members\":[]}");
        assertThat(group.status()).isEqualTo(201);
        String engineering = group.body().path("id").asText();
        String carol = entra.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"carol@contoso.example\"}").body().path("id").asText();
        assertThat(entra.patch("/Groups/" + engineering, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"Add\","
                + "\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + alice + "\"},{\"value\":\"" + bob
                + "\"},{\"value\":\"" + carol + "\"}]}]}").status()).isIn(200, 204);
        assertThat(members(engineering)).containsExactlyInAnyOrder(alice, bob, carol);
        // Q4: Remove with a value array removes only those members, never empties the group.
        assertThat(entra.patch("/Groups/" + engineering, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"Remove\","
                + "\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + bob + "\"}]}]}").status()).isIn(200, 204);
        assertThat(members(engineering)).containsExactlyInAnyOrder(alice, carol);
        // Flag shape: remove by a value filter, no value.
        assertThat(entra.patch("/Groups/" + engineering, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"remove\","
                + "\"path\":\"members[value eq \\\"" + carol + "\\\"]\"}]}").status()).isIn(200, 204);
        assertThat(members(engineering)).containsExactly(alice);
        // §2.9: Entra's group GET never sees members.
        assertThat(entra.get("/Groups/" + engineering + "?excludedAttributes=members").body().has("members")).isFalse();
        assertThat(entra.patch("/Groups/" + engineering, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"Replace\","
                + "\"path\":\"displayName\",\"value\":\"Platform Engineering\"}]}").status()).isIn(200, 204);
        assertSingleMatch(entra.get("/Groups?excludedAttributes=members&filter=displayName+eq+%22platform+engineering%22"),
                engineering);
        // The user's read-only groups attribute reflects the membership.
        assertThat(entra.get("/Users/" + alice).body().path("groups").get(0).path("value").asText()).isEqualTo(engineering);

        // §2.7 delete the user: 204, then 404 and gone from the group (K-64); a second DELETE is 404.
        assertThat(entra.delete("/Users/" + alice).status()).isEqualTo(204);
        assertThat(entra.get("/Users/" + alice).status()).isEqualTo(404);
        assertThat(entra.delete("/Users/" + alice).status()).isEqualTo(404);
        assertEmptyList(entra.get("/Users?filter=userName+eq+%22alice%40contoso.example%22"));
        assertThat(members(engineering)).isEmpty();
        // §2.8 delete the group.
        assertThat(entra.delete("/Groups/" + engineering).status()).isEqualTo(204);
        assertThat(entra.get("/Groups/" + engineering).status()).isEqualTo(404);
        // End state: bob and carol remain, nothing else.
        JsonNode everyone = entra.get("/Users?filter=userName+pr").body();
        List<String> userNames = new ArrayList<>();
        everyone.path("Resources").forEach(user -> userNames.add(user.path("userName").asText()));
        assertThat(userNames).containsExactlyInAnyOrder("bob@contoso.example", "carol@contoso.example");
    }

    @ParameterizedTest(name = "Authorization: [{0}]")
    @ValueSource(strings = {"", "Bearer wrong-token-0123456789abcdef", "Bearer", "Basic dXNlcjpwYXNz", "bearer  ",
        "Bearer a b", "Token " + "x"})
    void everyNonDiscoveryEndpointRefusesMissingWrongOrMalformedCredentials(String authorization) {
        // P-GEN-11: 401 with WWW-Authenticate for every endpoint and method that is not discovery.
        ScimHttp caller = new ScimHttp(server.baseUri(), authorization.isEmpty() ? null : authorization, true);
        String user = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"mallory\"}";
        String patch = "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}";
        List<Answer> answers = List.of(
                caller.get("/Users"), caller.get("/Users?filter=userName+eq+%22x%22"), caller.get("/Users/some-id"),
                caller.post("/Users", user), caller.send("PUT", "/Users/some-id", user), caller.patch("/Users/some-id", patch),
                caller.delete("/Users/some-id"),
                caller.get("/Groups"), caller.get("/Groups/some-id"), caller.post("/Groups", "{}"),
                caller.send("PUT", "/Groups/some-id", "{}"), caller.patch("/Groups/some-id", patch),
                caller.delete("/Groups/some-id"),
                caller.post("/Users/.search", "{}"), caller.post("/.search", "{}"), caller.post("/Bulk", "{}"),
                caller.get("/Me"));
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(401);
        }
        assertThat(entra.get("/Users?filter=userName+eq+%22mallory%22").body().path("totalResults").asInt()).isZero();
    }

    @Test
    void discoveryIsOpenToAnonymousCallers() {
        // Digest K-23: the service's default; Entra's schema discovery may come before any token is set.
        ScimHttp anonymous = new ScimHttp(server.baseUri(), null);
        assertThat(anonymous.get("/ServiceProviderConfig").status()).isEqualTo(200);
        assertThat(anonymous.get("/Schemas").status()).isEqualTo(200);
        assertThat(anonymous.get("/ResourceTypes").status()).isEqualTo(200);
    }

    @Test
    void auditLogHasOneLinePerRequestAndNoToken() {
        int before = auditLog.size();
        entra.get("/Users?filter=userName+eq+%22secret-filter-value%22");
        new ScimHttp(server.baseUri(), "Bearer " + TOKEN + "x").get("/Groups");
        List<String> lines = auditLog.subList(before, auditLog.size());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("request=\\S+ tenant=\\S+ principal=.+ method=GET path=/Users id=- status=200 "
                + "ms=\\d+ rules=-");
        assertThat(lines.get(1)).matches("request=\\S+ tenant=- principal=- method=GET path=/Groups id=- status=401 "
                + "ms=\\d+ rules=-");
        assertThat(auditLog).noneMatch(line -> line.contains(TOKEN.substring(3)) || line.contains("Bearer")
                || line.contains("secret-filter-value"));
    }

    private static String aliceJson() {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"],"
                + "\"externalId\":\"alice\",\"userName\":\"alice@contoso.example\",\"active\":true,"
                + "\"displayName\":\"Alice Example\",\"title\":\"Staff Engineer\",\"preferredLanguage\":\"en-US\","
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"alice@contoso.example\"}],"
                + "\"meta\":{\"resourceType\":\"User\"},"
                + "\"name\":{\"formatted\":\"Alice Example\",\"familyName\":\"Example\",\"givenName\":\"Alice\"},"
                + "\"phoneNumbers\":[{\"type\":\"work\",\"value\":\"+1 555 0100\"},{\"type\":\"mobile\",\"value\":\"+1 555 0101\"}],"
                + "\"roles\":[],"
                + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"100234\",\"department\":\"Platform\"}}";
    }

    private List<String> members(String groupId) {
        List<String> ids = new ArrayList<>();
        entra.get("/Groups/" + groupId).body().path("members").forEach(member -> ids.add(member.path("value").asText()));
        return ids;
    }

    private static String workEmail(JsonNode user) {
        for (JsonNode email : user.path("emails")) {
            if (email.path("type").asText().equals("work")) {
                return email.path("value").asText();
            }
        }
        return "";
    }

    private static void assertEmptyList(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/scim+json");
        assertThat(answer.body().path("totalResults").asInt(-1)).isZero();
        assertThat(answer.body().path("Resources").size()).isZero();
    }

    private static void assertSingleMatch(Answer answer, String id) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().path("totalResults").asInt()).isEqualTo(1);
        assertThat(answer.body().path("Resources").get(0).path("id").asText()).isEqualTo(id);
    }
}

package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.testkit.junit.EntraConformance;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.target.HttpTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example server on the JDBC store over real HTTP: the testkit's Entra catalogue (every scenario
 * in every dialect, through {@link HttpTarget}) on H2 and on PostgreSQL, and data surviving a
 * restart. PostgreSQL runs are skipped, with the reason, when {@code SCIMKIT_PG_URL} is not set or
 * not reachable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcExampleServerIT {
    private static final String USER = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private static final String GROUP = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]";
    private static final String PATCH_OP = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    @TempDir
    Path temp;
    private Object postgres = "not probed";
    private final List<ExampleServer> running = new ArrayList<>();

    @BeforeAll
    void probe() {
        postgres = TestStores.postgresOrReason();
    }

    @AfterAll
    void stopAll() {
        running.forEach(ExampleServer::close);
    }

    @TestFactory
    Stream<DynamicNode> entraCatalogueOnH2() {
        return catalogue(TestStores.h2(temp));
    }

    @TestFactory
    Stream<DynamicNode> entraCatalogueOnPostgres() {
        return catalogue(TestStores.requirePostgres(postgres).storeWithCredentials());
    }

    @Test
    void theCatalogueRunsTwiceOnOneH2ServerAndAfterARestart() {
        String store = TestStores.h2(temp);
        TestStores.Tenant tenant = TestStores.Tenant.fresh(temp);
        for (int round = 0; round < 2; round++) {
            try (ExampleServer server = start(store, tenant)) {
                ReplayReport report = Replayer.of(HttpTarget.of(server.baseUri(), tenant.token()))
                        .run(ScenarioCatalogue.entra().runs(ScenarioSelection.all()));
                assertThat(report.mismatches()).as(report.summary()).isEmpty();
            }
        }
    }

    @Test
    void usersGroupsAndMembershipsSurviveARestartOnH2() {
        survivesRestart(TestStores.h2(temp));
    }

    @Test
    void usersGroupsAndMembershipsSurviveARestartOnPostgres() {
        survivesRestart(TestStores.requirePostgres(postgres).storeWithCredentials());
    }

    @Test
    void theStartupMessageNamesTheStoreButNoPassword() {
        Optional<String> missing = TestStores.missingPostgres(postgres);
        Assumptions.assumeTrue(missing.isEmpty(), missing.orElse(""));
        TestStores.Postgres pg = (TestStores.Postgres) postgres;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        TestStores.Tenant tenant = TestStores.Tenant.fresh(temp);
        try (ExampleServer server = ExampleServer.start(options(pg.storeWithCredentials(), tenant),
                ServerEnvironment.standard().withConsole(new PrintStream(console, true, StandardCharsets.UTF_8))
                        .withoutRequestLogs())) {
            assertThat(server.port()).isPositive();
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Store: PostgreSQL jdbc:postgresql://").contains("as user " + pg.user());
        if (!pg.password().isEmpty()) {
            assertThat(printed).doesNotContain("password=").doesNotContain(pg.password() + "@");
        }
    }

    private Stream<DynamicNode> catalogue(String store) {
        TestStores.Tenant tenant = TestStores.Tenant.fresh(temp);
        ExampleServer server = start(store, tenant);
        running.add(server);
        return EntraConformance.against(HttpTarget.of(server.baseUri(), tenant.token())).dynamicTests();
    }

    private void survivesRestart(String store) {
        TestStores.Tenant tenant = TestStores.Tenant.fresh(temp);
        String alice;
        String bob;
        String group;
        try (ExampleServer first = start(store, tenant)) {
            ScimHttp http = new ScimHttp(first.baseUri(), "Bearer " + tenant.token());
            alice = created(http.post("/Users", "{" + USER + ",\"userName\":\"alice@contoso.example\","
                    + "\"externalId\":\"a-1\",\"emails\":[{\"type\":\"work\",\"value\":\"alice@contoso.example\"}]}"));
            bob = created(http.post("/Users", "{" + USER + ",\"userName\":\"bob@contoso.example\"}"));
            group = created(http.post("/Groups", "{" + GROUP + ",\"displayName\":\"Engineering\"}"));
            assertThat(http.patch("/Groups/" + group, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"add\","
                    + "\"path\":\"members\",\"value\":[{\"value\":\"" + alice + "\"},{\"value\":\"" + bob + "\"}]}]}")
                    .status()).isIn(200, 204);
            assertThat(http.patch("/Users/" + bob, "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"replace\","
                    + "\"path\":\"active\",\"value\":false}]}").status()).isIn(200, 204);
        }
        try (ExampleServer second = start(store, tenant)) {
            ScimHttp http = new ScimHttp(second.baseUri(), "Bearer " + tenant.token());
            JsonNode found = http.get("/Users?filter=externalId+eq+%22a-1%22").body();
            assertThat(found.path("totalResults").asInt()).isEqualTo(1);
            assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(alice);
            assertThat(http.get("/Users/" + bob).body().path("active").asBoolean(true)).isFalse();
            List<String> members = new ArrayList<>();
            http.get("/Groups/" + group).body().path("members").forEach(m -> members.add(m.path("value").asText()));
            assertThat(members).containsExactlyInAnyOrder(alice, bob);
            // The restarted server keeps enforcing uniqueness against the stored data.
            assertThat(http.post("/Users", "{" + USER + ",\"userName\":\"ALICE@contoso.example\"}").status())
                    .isEqualTo(409);
        }
    }

    private static String created(ScimHttp.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.body().path("id").asText();
    }

    private ExampleServer start(String store, TestStores.Tenant tenant) {
        return ExampleServer.start(options(store, tenant), ServerEnvironment.standard()
                .withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .withoutRequestLogs());
    }

    private static ServerOptions options(String store, TestStores.Tenant tenant) {
        return ServerOptions.defaults().withStore(store).withPort(0).withTenantsFile(tenant.file());
    }
}

package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.testkit.replay.ReplayReport;
import io.scimkit.testkit.replay.Replayer;
import io.scimkit.testkit.replay.ScenarioResult;
import io.scimkit.testkit.scenario.Dialect;
import io.scimkit.testkit.scenario.ScenarioCatalogue;
import io.scimkit.testkit.scenario.ScenarioSelection;
import io.scimkit.testkit.target.HttpTarget;
import io.scimkit.testkit.target.InProcessTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entra ID and Okta provisioning one store: the bundled Entra catalogue in its three dialects and the
 * Okta catalogue (docs/okta.md), replayed one after the other against one example server (lenient
 * dialect, the default) over HTTP, on the in-memory store, on H2 and on PostgreSQL (skipped, with the
 * reason, without {@code SCIMKIT_PG_URL}); and in process over the same stores, where the report also
 * tells which dialect rules each client's traffic made fire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntraAndOktaOneStoreIT {
    @TempDir
    Path temp;
    private Object postgres = "not probed";

    @BeforeAll
    void probe() {
        postgres = TestStores.postgresOrReason();
    }

    @Test
    void overHttpOnMemory() {
        overHttp("memory");
    }

    @Test
    void overHttpOnH2() {
        overHttp(TestStores.h2(temp));
    }

    @Test
    void overHttpOnPostgres() {
        overHttp(TestStores.requirePostgres(postgres).storeWithCredentials());
    }

    @Test
    void inProcessOnMemoryWithRuleCounts() {
        inProcess("memory");
    }

    @Test
    void inProcessOnH2WithRuleCounts() {
        inProcess(TestStores.h2(temp));
    }

    @Test
    void inProcessOnPostgresWithRuleCounts() {
        inProcess(TestStores.requirePostgres(postgres).storeWithCredentials());
    }

    private void overHttp(String store) {
        TestStores.Tenant tenant = TestStores.Tenant.fresh(temp);
        ServerOptions options = ServerOptions.defaults().withStore(store).withPort(0).withTenantsFile(tenant.file());
        try (ExampleServer server = ExampleServer.start(options, ServerEnvironment.standard()
                .withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .withoutRequestLogs())) {
            ReplayReport report = Replayer.of(HttpTarget.of(server.baseUri(), tenant.token()))
                    .run(ScenarioCatalogue.bundled().runs(ScenarioSelection.all()));
            assertPassedInEveryDialect(report);
            assertThat(report.ruleFirings()).as("over HTTP the service's counters are not visible").isEmpty();
        }
    }

    private void inProcess(String store) {
        SchemaRegistry registry = SchemaRegistry.core();
        try (OpenedStores stores = StoreFactories.standard(Map.of()).open(store, registry)) {
            ScimService service = ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2"))
                    .schemas(registry).userStore(stores.users()).groupStore(stores.groups())
                    .dialect(DialectChoice.LENIENT.dialect()).build();
            ScimPrincipal principal = new ScimPrincipal("it-" + UUID.randomUUID(), "entra-and-okta");
            ReplayReport report = Replayer.of(InProcessTarget.of(service, principal))
                    .run(ScenarioCatalogue.bundled().runs(ScenarioSelection.all()));
            assertPassedInEveryDialect(report);
            assertThat(report.ruleFirings()).containsOnlyKeys(EnumSet.allOf(Dialect.class));
            // Entra without the flag sends capitalised ops and string booleans; the flag dialect does not.
            assertThat(report.ruleFirings().get(Dialect.DEFAULT))
                    .containsKeys("op-case-insensitive", "boolean-strings");
            assertThat(report.ruleFirings().get(Dialect.FLAG)).doesNotContainKey("op-case-insensitive");
            // Okta's traffic is RFC 7644 but for the empty member list of a replace.
            assertThat(report.ruleFirings().get(Dialect.OKTA)).containsOnlyKeys("replace-empty-array-removes");
            assertThat(report.ruleFiringLines()).contains("okta: replace-empty-array-removes=1");
            long reported = report.ruleFirings().values().stream().flatMap(counts -> counts.values().stream())
                    .mapToLong(Long::longValue).sum();
            ClientDialect dialect = service.dialect();
            assertThat(dialect.firings().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(reported);
        } catch (Exception closing) {
            throw new AssertionError("closing the stores failed", closing);
        }
    }

    private static void assertPassedInEveryDialect(ReplayReport report) {
        assertThat(report.mismatches()).as(report.summary()).isEmpty();
        assertThat(report.scenarios()).extracting(ScenarioResult::dialect)
                .containsAll(EnumSet.allOf(Dialect.class));
        assertThat(report.scenarios()).extracting(ScenarioResult::scenario)
                .contains("okta-user-provisioning", "okta-group-push", "entra-user-lifecycle", "entra-group-lifecycle");
    }
}

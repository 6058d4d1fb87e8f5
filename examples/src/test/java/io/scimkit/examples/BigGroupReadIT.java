package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the memory a request takes does not grow with the group it reads. The example server
 * runs in its own JVM on H2 with a small heap ({@value #HEAP}); a group of {@value #MEMBERS}
 * members (some 3 MB of JSON) is read by {@value #READERS} concurrent GETs, each answered in full
 * because the members are streamed from the store, and the server stays up (no
 * OutOfMemoryError, the database still open). A list of groups with their members is refused
 * with 400 {@code tooMany} long before it could fill the heap.
 */
class BigGroupReadIT {
    private static final String HEAP = "-Xmx96m";
    /** Above the default maxMembersPerResponse (100,000), so that the list below is refused. */
    private static final int MEMBERS = 120_000;
    private static final int READERS = 3;

    @TempDir
    Path temp;

    /**
     * The group and its members, written straight into the H2 file before the server opens it (one
     * INSERT ... SELECT: adding 200,000 members through PATCH is a test of its own); returns its id.
     */
    private static String populate(Path directory, String tenant) throws SQLException {
        SchemaRegistry registry = SchemaRegistry.core();
        ResourceType group = registry.resourceType("Group").orElseThrow();
        try (HikariDataSource pool = new HikariDataSource(PooledJdbcStores.config(H2StoreFactory.settings(directory)))) {
            JdbcStores stores = JdbcStores.create(pool, registry);
            StoreContext context = new StoreContext(tenant, "test", group, Projection.none(registry, group),
                    Instant.now());
            String id = stores.groups().create(context, ResourceCreate.of(ScimResource.of(ComplexValue.builder()
                    .put("displayName", "everyone").build()))).id().orElseThrow();
            try (Connection connection = pool.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO scim_member (tenant,"
                            + " resource_type, group_id, member_id, member_key) SELECT ?, 'Group', ?, 'member-' || X,"
                            + " 'member-' || X FROM SYSTEM_RANGE(0, " + (MEMBERS - 1) + ") ORDER BY X")) {
                insert.setString(1, tenant);
                insert.setString(2, id);
                assertThat(insert.executeUpdate()).isEqualTo(MEMBERS);
            }
            return id;
        }
    }

    @Test
    void concurrentReadsOfAHugeGroupStayWithinASmallHeap() throws Exception {
        TestStores.Tenant tenant = TestStores.Tenant.fresh(temp);
        Path directory = Files.createTempDirectory(temp, "h2-");
        String id = populate(directory, tenant.name());
        try (ServerProcess server = ServerProcess.start(HEAP,
                List.of("--store", "h2:" + directory, "--tenants", tenant.file().toString()), Map.of())) {
            ScimHttp http = new ScimHttp(server.baseUri(), "Bearer " + tenant.token());
            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            try {
                List<Future<ScimHttp.Answer>> reads = new ArrayList<>();
                for (int r = 0; r < READERS; r++) {
                    reads.add(readers.submit(() -> new ScimHttp(server.baseUri(), "Bearer " + tenant.token())
                            .get("/Groups/" + id)));
                }
                for (Future<ScimHttp.Answer> read : reads) {
                    ScimHttp.Answer answer = read.get();
                    assertThat(answer.status()).isEqualTo(200);
                    JsonNode members = answer.json().path("members");
                    assertThat(members).hasSize(MEMBERS);
                    assertThat(members.get(MEMBERS - 1).path("value").asText()).isEqualTo("member-" + (MEMBERS - 1));
                }
            } finally {
                readers.shutdownNow();
            }

            ScimHttp.Answer list = http.get("/Groups?count=1000");
            assertThat(list.status()).as(list.text()).isEqualTo(400);
            assertThat(list.json().path("scimType").asText()).isEqualTo("tooMany");
            assertThat(http.get("/Groups?excludedAttributes=members").json().path("totalResults").asInt())
                    .isEqualTo(1);
            assertThat(server.output()).doesNotContain("OutOfMemoryError");
        }
    }
}

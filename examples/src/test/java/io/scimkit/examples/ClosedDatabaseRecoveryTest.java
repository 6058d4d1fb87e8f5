package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.jdbc.JdbcStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 closes a database when a command fails with an {@link OutOfMemoryError} (it cannot tell
 * whether the transaction was applied in part), which turns every pooled connection into a dead
 * one. The example's pool ({@link PooledJdbcStores}, with {@link DeadDatabaseEviction}) must come
 * back by itself: the pool evicts each dead connection at its first failure, the store reads again
 * on a fresh connection (which reopens the database file), and no read fails.
 */
class ClosedDatabaseRecoveryTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceType GROUP = REGISTRY.resourceType("Group").orElseThrow();

    @TempDir
    Path directory;

    @Test
    void theStoreRecoversAfterTheDatabaseWasClosedUnderIt() throws SQLException {
        DatabaseSettings settings = H2StoreFactory.settings(directory);
        try (HikariDataSource dataSource = new HikariDataSource(PooledJdbcStores.config(settings))) {
            // As the server opens them: with group commit, the schema and the create are in the file before the close.
            JdbcStores stores = JdbcStores.create(dataSource, REGISTRY, H2StoreFactory.OPTIONS);
            StoreContext context = new StoreContext(StoreContext.DEFAULT_TENANT, "test", GROUP,
                    Projection.none(REGISTRY, GROUP), Instant.now());
            String id = stores.groups().create(context, ResourceCreate.of(ScimResource.of(ComplexValue.builder()
                    .put("displayName", "survivor").build()))).id().orElseThrow();
            // Fill the pool, then close the database as H2 does after an OutOfMemoryError.
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                connection.close();
            }
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN IMMEDIATELY");
            } catch (SQLException expected) {
                // H2 may report the shutdown on the connection that asked for it.
            }

            List<String> outcomes = new ArrayList<>();
            for (int attempt = 0; attempt < 12; attempt++) {
                try {
                    outcomes.add(stores.groups().get(context, id).map(group -> "found").orElse("missing"));
                } catch (RuntimeException failed) {
                    outcomes.add("failed: " + failed.getMessage());
                }
            }
            assertThat(outcomes).as(outcomes.toString()).containsOnly("found");
        }
    }
}

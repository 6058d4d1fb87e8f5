package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness of the JDBC stores when the database goes away: H2 closed under the pool (as after an
 * OutOfMemoryError, here by {@code SHUTDOWN IMMEDIATELY}) with its file out of reach makes the
 * server not ready, with a reason that names no SQL, host or class; the file back makes it ready
 * again without a restart. A closed pool is never ready.
 */
class JdbcReadinessTest {
    private static final Duration PROBE = Duration.ofSeconds(1);

    @TempDir
    Path directory;

    private HikariDataSource pool() {
        HikariConfig config = PooledJdbcStores.config(H2StoreFactory.settings(directory));
        // Never create an empty database in place of the one that went away.
        config.setJdbcUrl(config.getJdbcUrl() + ";IFEXISTS=TRUE");
        return new HikariDataSource(config);
    }

    @Test
    void readinessTurnsFalseWhenTheDatabaseGoesAwayAndRecoversWhenItComesBack() throws Exception {
        // Create the database and its schema first, as the server does at start.
        try (HikariDataSource creating = new HikariDataSource(PooledJdbcStores.config(H2StoreFactory.settings(directory)))) {
            JdbcStores.create(creating, SchemaRegistry.core());
        }
        try (HikariDataSource pool = pool()) {
            JdbcReadiness readiness = new JdbcReadiness(pool, PROBE);
            assertThat(readiness.notReadyBecause()).isEmpty();

            // The file goes first: the pool refills itself after the shutdown, and a connection it opened
            // before the move would reopen the database (the open file survives its rename) and answer.
            Path file = directory.resolve("scim.mv.db");
            Path away = directory.resolve("away.mv.db");
            Files.move(file, away);
            shutDown(pool);

            Optional<String> reason = readiness.notReadyBecause();
            assertThat(reason).hasValueSatisfying(text -> assertThat(text)
                    .isIn("the database did not answer", "no database connection could be opened"));
            assertThat(readiness.notReadyBecause()).isPresent();

            Files.move(away, file);
            List<Optional<String>> checks = new ArrayList<>();
            for (int attempt = 0; attempt < 20 && (checks.isEmpty() || checks.get(checks.size() - 1).isPresent());
                    attempt++) {
                checks.add(readiness.notReadyBecause());
            }
            assertThat(checks).as(checks.toString()).last().isEqualTo(Optional.empty());
        }
    }

    @Test
    void aClosedPoolIsNotReady() throws IOException {
        HikariDataSource pool = pool0();
        JdbcReadiness readiness = new JdbcReadiness(pool, PROBE);
        assertThat(readiness.notReadyBecause()).isEmpty();
        pool.close();
        assertThat(readiness.notReadyBecause()).hasValue("the database connection pool is closed");
    }

    private HikariDataSource pool0() {
        return new HikariDataSource(PooledJdbcStores.config(H2StoreFactory.settings(directory)));
    }

    private static void shutDown(HikariDataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
            // H2 may report the shutdown on the connection that asked for it.
        }
    }
}

package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run on: H2 in memory and in a file (always there), and PostgreSQL from
 * {@code SCIMKIT_PG_URL}, {@code SCIMKIT_PG_USER}, {@code SCIMKIT_PG_PASSWORD} (tests that need it
 * are skipped, with the reason, when it is not configured or not reachable).
 */
final class TestDatabases {
    private TestDatabases() {
    }

    /** A fresh in-memory H2 database. */
    static HikariDataSource h2Memory() {
        return pool("jdbc:h2:mem:scim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
    }

    /** An H2 file database in a directory. */
    static HikariDataSource h2File(Path directory) {
        return pool("jdbc:h2:file:" + directory.resolve("scim").toAbsolutePath() + ";LOCK_TIMEOUT=10000", "sa", "");
    }

    /**
     * The configured PostgreSQL, or the reason there is none (not configured, not reachable): tests
     * then call {@link #requirePostgres} so that each is reported as skipped with that reason.
     */
    static Object postgresOrReason() {
        String url = System.getenv("SCIMKIT_PG_URL");
        if (url == null || url.isBlank()) {
            return "PostgreSQL tests skipped: SCIMKIT_PG_URL is not set (.ci/run starts PostgreSQL and sets it)";
        }
        HikariConfig config = config(url, System.getenv().getOrDefault("SCIMKIT_PG_USER", "scimkit"),
                System.getenv().getOrDefault("SCIMKIT_PG_PASSWORD", ""));
        // Tests only: commits need not wait for the disk (the contract suite makes thousands).
        config.setConnectionInitSql("SET synchronous_commit TO off");
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(5);
            return pool;
        } catch (RuntimeException | SQLException unreachable) {
            pool.close();
            return "PostgreSQL tests skipped: " + url + " is not reachable (" + unreachable.getMessage() + ")";
        }
    }

    /**
     * A pool on a schema of its own in the configured PostgreSQL (created here), for tests that must
     * see no other test's rows, such as those of the outbox; {@code null} without PostgreSQL.
     */
    static @org.jspecify.annotations.Nullable HikariDataSource postgresSchema(Object postgresOrReason, String schema) {
        if (!(postgresOrReason instanceof HikariDataSource main)) {
            return null;
        }
        try (Connection connection = main.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
        String url = main.getJdbcUrl();
        HikariConfig config = config(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                main.getUsername(), main.getPassword());
        config.setConnectionInitSql("SET synchronous_commit TO off");
        return new HikariDataSource(config);
    }

    /** Drops a schema of {@link #postgresSchema} with everything in it. */
    static void dropPostgresSchema(Object postgresOrReason, String schema) {
        if (postgresOrReason instanceof HikariDataSource main) {
            try (Connection connection = main.getConnection();
                    java.sql.Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException failed) {
                throw new IllegalStateException(failed);
            }
        }
    }

    /** The data source of {@link #postgresOrReason}; aborts the test (skipped, with the reason) without one. */
    static HikariDataSource requirePostgres(Object postgresOrReason) {
        Assumptions.assumeTrue(postgresOrReason instanceof HikariDataSource, String.valueOf(postgresOrReason));
        return (HikariDataSource) postgresOrReason;
    }

    private static HikariDataSource pool(String url, String user, String password) {
        return new HikariDataSource(config(url, user, password));
    }

    private static HikariConfig config(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(5_000);
        return config;
    }
}

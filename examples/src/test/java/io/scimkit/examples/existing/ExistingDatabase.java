package io.scimkit.examples.existing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database holding the application schema of {@code schema.sql} behind a small connection
 * pool: an H2 in-memory database (in PostgreSQL mode), or a schema of its own in the PostgreSQL of
 * {@code SCIMKIT_PG_URL}, {@code SCIMKIT_PG_USER} and {@code SCIMKIT_PG_PASSWORD} ({@code .ci/postgres.sh}
 * sets them). {@link #close} drops it.
 */
final class ExistingDatabase implements AutoCloseable {
    private final HikariDataSource pool;
    private final String drop;

    private ExistingDatabase(HikariDataSource pool, String drop) {
        this.pool = pool;
        this.drop = drop;
    }

    /** A fresh H2 in-memory database. */
    static ExistingDatabase h2() {
        // The database lives while the pool holds a connection. LOCK_TIMEOUT: writers of one team
        // row queue up behind each other (parallel member adds).
        return create("jdbc:h2:mem:existing-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=30000", "sa", "", null, "DROP ALL OBJECTS");
    }

    /** A fresh schema in the configured PostgreSQL; the test is skipped, with the reason, without one. */
    static ExistingDatabase postgres() {
        String url = System.getenv("SCIMKIT_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "SCIMKIT_PG_URL is not set (.ci/postgres.sh sets it)");
        String schema = "existing_" + UUID.randomUUID().toString().replace("-", "");
        String user = Objects.requireNonNullElse(System.getenv("SCIMKIT_PG_USER"), "");
        String password = Objects.requireNonNullElse(System.getenv("SCIMKIT_PG_PASSWORD"), "");
        try (Connection connection = java.sql.DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL at " + url + " is not reachable: " + unreachable.getMessage());
        }
        return create(url, user, password, schema, "DROP SCHEMA " + schema + " CASCADE");
    }

    private static ExistingDatabase create(String url, String user, String password, String schema, String drop) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setSchema(schema);
        config.setMaximumPoolSize(10);
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : schema().split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException failure) {
            pool.close();
            throw new IllegalStateException(failure);
        }
        return new ExistingDatabase(pool, drop);
    }

    /** The statements of schema.sql, without comments. */
    static String schema() {
        try (InputStream in = Objects.requireNonNull(EmployeeStore.class.getResourceAsStream("schema.sql"), "schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(drop);
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        } finally {
            pool.close();
        }
    }
}

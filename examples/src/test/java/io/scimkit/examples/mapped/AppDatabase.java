package io.scimkit.examples.mapped;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * An empty database for the application's migration: H2 in memory (PostgreSQL mode), or a schema of
 * its own in the PostgreSQL of {@code SCIMKIT_PG_URL} (skipped, with the reason, without it).
 */
record AppDatabase(HikariDataSource pool, String drop) implements AutoCloseable {

    static AppDatabase h2() {
        return new AppDatabase(pool("jdbc:h2:mem:app-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=30000", "sa", "", null), "DROP ALL OBJECTS");
    }

    static AppDatabase postgres() {
        String url = System.getenv("SCIMKIT_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "SCIMKIT_PG_URL is not set (.ci/postgres.sh sets it)");
        String schema = "mapped_" + UUID.randomUUID().toString().replace("-", "");
        HikariDataSource pool = pool(url, Objects.requireNonNullElse(System.getenv("SCIMKIT_PG_USER"), ""),
                Objects.requireNonNullElse(System.getenv("SCIMKIT_PG_PASSWORD"), ""), schema);
        AppDatabase database = new AppDatabase(pool, "DROP SCHEMA " + schema + " CASCADE");
        database.execute("CREATE SCHEMA " + schema);
        return database;
    }

    private static HikariDataSource pool(String url, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setSchema(schema);
        config.setMaximumPoolSize(10);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    DataSource dataSource() {
        return pool;
    }

    void execute(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            Assumptions.abort("the database is not reachable: " + failure.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            execute(drop);
        } finally {
            pool.close();
        }
    }
}

package io.scimkit.examples.existing;

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
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A fresh H2 in-memory database holding the application schema of {@code schema.sql}, behind a
 * small connection pool; {@link #close} drops it.
 */
final class ExistingDatabase implements AutoCloseable {
    private final JdbcConnectionPool pool;

    private ExistingDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    static ExistingDatabase create() {
        // LOCK_TIMEOUT: writers of one team row queue up behind each other (parallel member adds).
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:existing-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000", "sa", "");
        pool.setMaxConnections(16);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : schema().split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
        return new ExistingDatabase(pool);
    }

    /** The statements of schema.sql, without comment lines. */
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
            statement.execute("SHUTDOWN");
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
        pool.dispose();
    }
}

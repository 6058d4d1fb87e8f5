package io.scimkit.examples;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Readiness of the JDBC stores: a connection from the pool answers {@code SELECT 1} within the
 * timeout (the wait for a free connection is bounded by the same timeout). A connection that fails
 * is evicted from the pool, so that a database which comes back
 * (H2 reopens its file on a new connection; PostgreSQL after a restart) makes the server ready again
 * at the next check instead of handing the dead connection out once more.
 */
final class JdbcReadiness implements StoreReadiness {
    private final HikariDataSource pool;
    private final long timeoutMillis;
    private final int timeoutSeconds;

    /**
     * @param timeout how long the wait for a connection may take, and then the query (rounded up to
     *        whole seconds, at least one)
     */
    JdbcReadiness(HikariDataSource pool, Duration timeout) {
        this.pool = pool;
        this.timeoutMillis = Math.max(250, timeout.toMillis());
        this.timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    @Override
    public Optional<String> notReadyBecause() {
        if (pool.isClosed()) {
            return Optional.of("the database connection pool is closed");
        }
        Connection connection;
        try {
            // The pool's own wait (10 s) is for requests; a probe gives up sooner.
            connection = pool.getHikariPoolMXBean() instanceof HikariPool running
                    ? running.getConnection(timeoutMillis) : pool.getConnection();
        } catch (SQLException | RuntimeException unreachable) {
            return Optional.of("no database connection could be opened");
        }
        try (connection) {
            if (!answers(connection)) {
                pool.evictConnection(connection);
                return Optional.of("the database did not answer");
            }
            return Optional.empty();
        } catch (SQLException closing) {
            return Optional.empty(); // it answered; only giving the connection back failed
        }
    }

    private boolean answers(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                return result.next();
            }
        } catch (SQLException | RuntimeException failed) {
            return false;
        }
    }
}

package io.scimkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one database transaction: commit on success, roll back on any failure, and run
 * again (a few times) when the database reports a transient conflict (deadlock, serialization
 * failure, lock timeout): every piece of work here is safe to repeat, because it re-reads what it
 * checks (versions are compared in the {@code UPDATE} itself). A read also runs again when its
 * connection turns out to be dead (the database was closed under the pool), so a pool that evicts
 * dead connections recovers without failing requests.
 */
final class Transactions {
    private static final int ATTEMPTS = 5;
    /** Reads on dead connections: enough to pass every dead connection of a usual pool, each failing at once. */
    private static final int DEAD_CONNECTION_ATTEMPTS = 32;

    private final DataSource dataSource;
    private final String typeName;

    Transactions(DataSource dataSource, String typeName) {
        this.dataSource = dataSource;
        this.typeName = typeName;
    }

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs a read-write transaction (READ COMMITTED). */
    <T> T write(Work<T> work) {
        return run(work, Connection.TRANSACTION_READ_COMMITTED);
    }

    /** Runs a read-only transaction that sees one snapshot (REPEATABLE READ), so a count and a page agree. */
    <T> T read(Work<T> work) {
        return run(work, Connection.TRANSACTION_REPEATABLE_READ);
    }

    private <T> T run(Work<T> work, int isolation) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                int previousIsolation = connection.getTransactionIsolation();
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(isolation);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error failed) {
                    connection.rollback();
                    throw failed;
                } finally {
                    connection.setTransactionIsolation(previousIsolation);
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException failed) {
                if (SqlErrors.isUniqueViolation(failed)) {
                    throw SqlErrors.uniqueness(failed, typeName);
                }
                if (attempt < ATTEMPTS && SqlErrors.isTransient(failed)) {
                    continue;
                }
                // A read on a dead connection runs again on another (a write may have committed: never).
                if (attempt < DEAD_CONNECTION_ATTEMPTS && isolation == Connection.TRANSACTION_REPEATABLE_READ
                        && SqlErrors.isDeadConnection(failed)) {
                    continue;
                }
                throw SqlErrors.internal(failed);
            }
        }
    }
}

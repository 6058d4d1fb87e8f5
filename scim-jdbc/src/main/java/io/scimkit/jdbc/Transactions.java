package io.scimkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs work in one database transaction: commit on success, roll back on any failure, and run
 * again (a few times) when the database reports a transient conflict (deadlock, serialization
 * failure, lock timeout): every piece of work here is safe to repeat, because it re-reads what it
 * checks (versions are compared in the {@code UPDATE} itself). A read also runs again when its
 * connection turns out to be dead (the database was closed under the pool), so a pool that evicts
 * dead connections recovers without failing requests. A read of one statement runs without a
 * transaction of its own ({@link #readOne}).
 */
final class Transactions {
    private static final int ATTEMPTS = 5;
    /** Reads on dead connections: enough to pass every dead connection of a usual pool, each failing at once. */
    private static final int DEAD_CONNECTION_ATTEMPTS = 32;

    /** Leave the connection's isolation level as it is. */
    private static final int KEEP = -1;

    private final DataSource dataSource;
    private final String typeName;
    /** Whether a transaction sets its own isolation with {@code SET TRANSACTION} (PostgreSQL) instead of the connection's. */
    private final boolean perTransactionIsolation;
    private final @Nullable GroupCommit groupCommit;

    Transactions(DataSource dataSource, String typeName) {
        this(dataSource, typeName, false);
    }

    /**
     * Transactions on a data source; with {@code perTransactionIsolation} a snapshot read sets its
     * isolation with {@code SET TRANSACTION} inside the transaction (one statement, nothing to
     * restore) instead of reading, setting and restoring the connection's level (three round
     * trips on PostgreSQL).
     */
    Transactions(DataSource dataSource, String typeName, boolean perTransactionIsolation) {
        this(dataSource, typeName, perTransactionIsolation, null);
    }

    /**
     * Transactions as above; with a {@code groupCommit}, a read-write transaction returns only
     * after the database has written its commit to its file ({@link GroupCommit#awaitWritten}).
     */
    Transactions(DataSource dataSource, String typeName, boolean perTransactionIsolation,
            @Nullable GroupCommit groupCommit) {
        this.dataSource = dataSource;
        this.typeName = typeName;
        this.perTransactionIsolation = perTransactionIsolation;
        this.groupCommit = groupCommit;
    }

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs a read-write transaction at the connection's isolation level (READ COMMITTED, the
     * default of H2 and PostgreSQL, unless the pool says otherwise): the store's writes never
     * depend on it, as versions are compared in the {@code UPDATE} itself and uniqueness comes from
     * unique indexes; at a stronger level a serialization failure is retried like any conflict.
     * Setting the level on every transaction would cost three round trips on PostgreSQL.
     */
    <T> T write(Work<T> work) {
        return run(work, KEEP, true, false);
    }

    /** Runs a read-write transaction at READ COMMITTED, set on the connection and restored after. */
    <T> T writeReadCommitted(Work<T> work) {
        return run(work, Connection.TRANSACTION_READ_COMMITTED, true, false);
    }

    /** Runs a read-only transaction that sees one snapshot (REPEATABLE READ), so a count and a page agree. */
    <T> T read(Work<T> work) {
        return run(work, Connection.TRANSACTION_REPEATABLE_READ, true, true);
    }

    /**
     * Runs a read of exactly one statement without a transaction of its own (auto-commit, when the
     * connection is in that mode): one statement always sees one snapshot on H2 and PostgreSQL, so
     * this is as consistent as {@link #read} and costs no {@code BEGIN}, isolation or
     * {@code COMMIT} round trips.
     */
    <T> T readOne(Work<T> work) {
        return run(work, KEEP, false, true);
    }

    private <T> T run(Work<T> work, int isolation, boolean transaction, boolean readOnly) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (!transaction && connection.getAutoCommit()) {
                    return work.run(connection);
                }
                T result = inTransaction(connection, work, isolation);
                if (!readOnly && groupCommit != null) {
                    awaitWritten(groupCommit, connection);
                }
                return result;
            } catch (SQLException failed) {
                if (SqlErrors.isUniqueViolation(failed)) {
                    throw SqlErrors.uniqueness(failed, typeName);
                }
                if (attempt < ATTEMPTS && SqlErrors.isTransient(failed)) {
                    continue;
                }
                // A read on a dead connection runs again on another (a write may have committed: never).
                if (attempt < DEAD_CONNECTION_ATTEMPTS && readOnly && SqlErrors.isDeadConnection(failed)) {
                    continue;
                }
                throw SqlErrors.internal(failed);
            }
        }
    }

    /** Waits for the commit to be in the database's file; a failure is never retried (the work committed). */
    private static void awaitWritten(GroupCommit groupCommit, Connection connection) {
        try {
            groupCommit.awaitWritten(connection);
        } catch (SQLException failed) {
            throw SqlErrors.internal(failed);
        }
    }

    private <T> T inTransaction(Connection connection, Work<T> work, int isolation) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        boolean onConnection = isolation != KEEP && !perTransactionIsolation;
        int previousIsolation = onConnection ? connection.getTransactionIsolation() : KEEP;
        connection.setAutoCommit(false);
        if (onConnection) {
            connection.setTransactionIsolation(isolation);
        }
        try {
            if (isolation != KEEP && perTransactionIsolation) {
                try (Statement set = connection.createStatement()) {
                    set.execute("SET TRANSACTION ISOLATION LEVEL " + levelName(isolation));
                }
            }
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error failed) {
            connection.rollback();
            throw failed;
        } finally {
            if (onConnection) {
                connection.setTransactionIsolation(previousIsolation);
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String levelName(int isolation) {
        return isolation == Connection.TRANSACTION_REPEATABLE_READ ? "REPEATABLE READ" : "READ COMMITTED";
    }
}

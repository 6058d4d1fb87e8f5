package io.scimkit.examples.existing;

import io.scimkit.core.error.ScimException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Generic JDBC plumbing, the part of the stores that an application using a JDBC helper library
 * (Spring's {@code JdbcTemplate}, Jdbi) already has: one transaction per store call, and statements
 * with positional parameters ({@code Instant}s bound as {@code TIMESTAMP WITH TIME ZONE}).
 */
final class Jdbc {
    /** A step of JDBC work. */
    interface Sql<A, T> {
        T apply(A input) throws SQLException;
    }

    private Jdbc() {
    }

    /**
     * Runs the work in one transaction, rolled back unless it completes. A violated integrity
     * constraint (SQLState class 23; in these tables only a unique index can be) is 409
     * {@code uniqueness} (RFC 7644 §3.3); any other failure becomes a 500.
     */
    static <T> T tx(DataSource dataSource, Sql<Connection, T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } finally {
                c.rollback(); // nothing left to roll back after a commit
            }
        } catch (SQLException failure) {
            throw String.valueOf(failure.getSQLState()).startsWith("23")
                    ? ScimException.uniqueness("a unique value is taken")
                    : new IllegalStateException("database failure, SQLState " + failure.getSQLState(), failure);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
    static int execute(Connection c, String sql, @Nullable Object... args) throws SQLException {
        try (PreparedStatement statement = bind(c.prepareStatement(sql), args)) {
            return statement.executeUpdate();
        }
    }

    /** The rows of a SELECT, or the generated {@code id} of an INSERT. */
    static <T> List<T> query(Connection c, String sql, Sql<ResultSet, T> row, @Nullable Object... args)
            throws SQLException {
        try (PreparedStatement statement = bind(c.prepareStatement(sql, new String[] {"id"}), args);
                ResultSet rows = statement.execute() ? statement.getResultSet() : statement.getGeneratedKeys()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.apply(rows));
            }
            return result;
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, @Nullable Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : args[i]);
        }
        return statement;
    }
}

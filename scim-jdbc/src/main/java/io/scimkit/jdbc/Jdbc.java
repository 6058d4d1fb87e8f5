package io.scimkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Plain JDBC for a store over the application's own tables, with the error handling a SCIM store
 * needs, so that an integrator without a JDBC helper library writes only the SQL of its store:
 * <ul>
 *   <li>{@link #transaction} runs work in one transaction: commit on success, roll back on any
 *       failure, and run it again (a few times) when the database reports a transient conflict
 *       (deadlock, serialization failure, lock timeout), so the work must be safe to repeat. A
 *       violated unique index (SQLState 23505) becomes 409 {@code uniqueness} (RFC 7644 §3.3); any
 *       other database failure an unchecked exception with the cause, which the service answers
 *       with a 500 carrying an error id and logs with the stack trace.
 *   <li>{@link #update} and {@link #query} run one statement with positional parameters, bound by
 *       {@code setObject} ({@link Instant}s as {@code TIMESTAMP WITH TIME ZONE} in UTC, {@code null}
 *       untyped).
 * </ul>
 *
 * <pre>{@code
 * return Jdbc.transaction(dataSource, c -> Jdbc.query(c,
 *         "SELECT id, login FROM employees WHERE login_key = ?", row -> row.getLong("id"), IndexKey.fold(userName)));
 * }</pre>
 */
public final class Jdbc {
    private Jdbc() {
    }

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** What one row of a result gives. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs the work in one read-committed transaction, as described above, and returns its result. */
    public static <T> T transaction(DataSource dataSource, Work<T> work) {
        return new Transactions(dataSource, "resource").writeReadCommitted(work::run);
    }

    /** Runs an {@code INSERT}, {@code UPDATE} or {@code DELETE} and returns the number of rows it changed. */
    public static int update(Connection connection, String sql, @Nullable Object... parameters) throws SQLException {
        try (PreparedStatement statement = bind(connection.prepareStatement(sql), parameters)) {
            return statement.executeUpdate();
        }
    }

    /**
     * The rows of a {@code SELECT}, each read by {@code row}; for an {@code INSERT}, the keys it
     * generated in the column {@code id}.
     */
    public static <T> List<T> query(Connection connection, String sql, Row<T> row, @Nullable Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = bind(connection.prepareStatement(sql, new String[] {"id"}), parameters);
                ResultSet rows = statement.execute() ? statement.getResultSet() : statement.getGeneratedKeys()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.read(rows));
            }
            return result;
        }
    }

    /**
     * Runs an {@code INSERT} and returns the value the database generated for the key column (an
     * identity column, or one whose default is a sequence), or {@code null} if it generated none.
     */
    public static @Nullable Object insert(Connection connection, String sql, String keyColumn,
            @Nullable Object... parameters) throws SQLException {
        try (PreparedStatement statement = bind(connection.prepareStatement(sql, new String[] {keyColumn}), parameters)) {
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                return keys.next() ? keys.getObject(1) : null;
            }
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, @Nullable Object[] parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
            }
        }
        return statement;
    }
}

package io.scimkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Binds parameter values to a statement by their Java type; the only way values reach the database. */
final class Parameters {
    private Parameters() {
    }

    /** Binds the values to placeholders 1..n. */
    static void bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            bind(statement, i + 1, values.get(i));
        }
    }

    static void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            // Untyped: the database infers the column's type (a VARCHAR null would not fit a BOOLEAN column).
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof OffsetDateTime time) {
            statement.setObject(index, time);
        } else {
            throw new IllegalArgumentException("unsupported parameter type " + value.getClass().getSimpleName());
        }
    }
}

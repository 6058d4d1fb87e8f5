package io.scimkit.jdbc.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL with its {@code ?} parameters in order. The text holds only names of the store's
 * own tables and columns, operators and placeholders; every value a client sent is a parameter
 * (so no filter value can change the statement: no SQL injection).
 *
 * @param sql the SQL text
 * @param parameters the values of its placeholders: {@code String}, {@code Boolean} or
 *     {@code java.time.OffsetDateTime}
 */
public record SqlFragment(String sql, List<Object> parameters) {
    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }

    /** A fragment with these parameters. */
    public static SqlFragment of(String sql, Object... parameters) {
        return new SqlFragment(sql, List.of(parameters));
    }

    /** {@code (this AND other)}. */
    public SqlFragment and(SqlFragment other) {
        return join("AND", other);
    }

    /** {@code (this OR other)}. */
    public SqlFragment or(SqlFragment other) {
        return join("OR", other);
    }

    /** {@code NOT (this)}; the store's predicates are never NULL, so this is the logical negation. */
    public SqlFragment not() {
        return new SqlFragment("NOT (" + sql + ")", parameters);
    }

    private SqlFragment join(String operator, SqlFragment other) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(other.parameters);
        return new SqlFragment("(" + sql + " " + operator + " " + other.sql + ")", all);
    }
}

package io.scimkit.examples.existing;

import static io.scimkit.jdbc.Jdbc.query;
import static io.scimkit.jdbc.Jdbc.transaction;

import io.scimkit.core.codec.JsonColumn;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.IndexKey;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.Versions;
import io.scimkit.core.value.StringValue;
import io.scimkit.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM resource type (RFC 7643 §3) over one table of the application, in plain JDBC: the table
 * has a numeric {@code id} (the SCIM id, as text), a {@code tenant}, a column per column path of a
 * {@link JsonColumn}, a folded key of the first of them (unique per tenant, so that the first
 * attribute, {@code userName} or {@code displayName}, is unique without regard to case, RFC 7643
 * §4.1.1), a {@code scim} column with the JSON of every other attribute, and {@code version},
 * {@code created} and {@code last_modified} for {@code meta} (§3.1).
 *
 * <ul>
 *   <li>Each call is one transaction ({@link io.scimkit.jdbc.Jdbc#transaction}); a violated unique
 *       index is 409 {@code uniqueness} (RFC 7644 §3.3).
 *   <li>Updates and deletes read the version (404 for an unknown id, 412 for a stale expected one,
 *       RFC 7644 §3.14), then compare-and-swap: {@code UPDATE ... WHERE id = ? AND version = ?}.
 *   <li>{@code search} answers the declared lookups ({@code attribute eq "value"}) from a column,
 *       folded with {@link IndexKey#fold} when the column's name ends in {@code _key}, and pages by
 *       {@code ORDER BY id LIMIT ? OFFSET ?}; the core does every other filter, sorting and cursors.
 * </ul>
 */
abstract class TableStore implements ResourceStore {
    /**
     * The application's table.
     *
     * @param name the table's name
     * @param columns the column of each column path of the {@link JsonColumn}, in order, then the
     *     folded key column of the first, then the JSON column
     * @param lookups lower-case attribute name to the column that answers {@code eq} on it
     */
    record Table(String name, List<String> columns, Map<String, String> lookups) {
    }

    final DataSource dataSource;
    private final JsonColumn json;
    private final Table table;

    TableStore(DataSource dataSource, JsonColumn json, Table table) {
        this.dataSource = dataSource;
        this.json = json;
        this.table = table;
    }

    /** Adds to the attributes of a row what other tables hold (a group's members); nothing by default. */
    ScimResource joined(Connection c, long id, ScimResource body, StoreContext context) throws SQLException {
        return body;
    }

    /** Applies a change to a group's members; users have none. */
    void members(Connection c, StoreContext context, long id, MemberChanges changes) throws SQLException {
    }

    @Override
    public StoreCapabilities capabilities() {
        return StoreCapabilities.builder().lookups(table.lookups().keySet().toArray(String[]::new)).build();
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate create) {
        return transaction(dataSource, c -> {
            List<@Nullable Object> args = row(create.body());
            args.addAll(List.of(context.tenant(), context.requestTime(), context.requestTime()));
            long id = query(c, "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns())
                    + ", tenant, version, created, last_modified) VALUES (" + "?, ".repeat(table.columns().size())
                    + "?, 1, ?, ?)", row -> row.getLong(1), args.toArray()).get(0);
            members(c, context, id, MemberChanges.add(create.members()));
            return load(c, context, id).orElseThrow();
        });
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        return transaction(dataSource, c -> load(c, context, key(id)));
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        Paging.Index page = (Paging.Index) query.paging();
        // The core passes no filter or a declared lookup, and index pages only (capabilities()).
        // Without a filter, "tenant = ?" twice keeps one statement shape.
        ComparisonFilter lookup = (ComparisonFilter) query.filter();
        String column = lookup == null ? "tenant"
                : table.lookups().get(lookup.path().attribute().toLowerCase(Locale.ROOT));
        String value = lookup == null ? context.tenant() : ((StringValue) lookup.value()).value();
        String where = " FROM " + table.name() + " WHERE tenant = ? AND " + column + " = ?";
        Object[] args = {context.tenant(), column.endsWith("_key") ? IndexKey.fold(value) : value, page.count(),
            page.offset()};
        return transaction(dataSource, c -> StorePage.of(query(c, "SELECT *" + where + " ORDER BY id LIMIT ? OFFSET ?",
                row -> resource(c, row, context), args),
                query(c, "SELECT COUNT(*)" + where, row -> row.getLong(1), args[0], args[1]).get(0)));
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        return transaction(dataSource, c -> {
            List<@Nullable Object> args = update.body() == null ? new ArrayList<>() : row(update.body());
            args.add(context.requestTime());
            String set = update.body() == null ? "" : String.join(" = ?, ", table.columns()) + " = ?, ";
            write(c, context, update.id(), update.expectedVersion(),
                    "UPDATE " + table.name() + " SET " + set + "version = version + 1, last_modified = ?", args);
            members(c, context, key(update.id()), update.members());
            return load(c, context, key(update.id())).orElseThrow();
        });
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete) {
        transaction(dataSource, c -> write(c, context, delete.id(), delete.expectedVersion(), "DELETE FROM " + table.name(),
                new ArrayList<>()));
    }

    /**
     * Runs an UPDATE or DELETE of the row as a compare-and-swap: 404 for an unknown id, 412 for a
     * stale expected version, and 412 when a concurrent write comes between the check and the swap.
     */
    private int write(Connection c, StoreContext context, String id, @Nullable String expected, String sql,
            List<@Nullable Object> args) throws SQLException {
        String what = context.resourceType().name() + " " + id;
        long current = query(c, "SELECT version FROM " + table.name() + " WHERE tenant = ? AND id = ?",
                row -> row.getLong(1), context.tenant(), key(id)).stream().findFirst()
                .orElseThrow(() -> ScimException.notFound(what + " not found"));
        Versions.requireMatch(Versions.weak(current), expected, what);
        args.addAll(Arrays.asList(key(id), expected == null ? null : current));
        if (Jdbc.update(c, sql + " WHERE id = ? AND version = COALESCE(?, version)", args.toArray()) == 0) {
            throw ScimException.preconditionFailed(what + " has just been changed by another request");
        }
        return 1;
    }

    /** The values of the columns for a body: the column paths, the folded key of the first, the JSON. */
    private List<@Nullable Object> row(ScimResource body) {
        List<@Nullable Object> row = json.values(body);
        row.addAll(Arrays.asList(IndexKey.fold((String) row.get(0)), json.write(body)));
        return row;
    }

    private Optional<ScimResource> load(Connection c, StoreContext context, long id) throws SQLException {
        return query(c, "SELECT * FROM " + table.name() + " WHERE tenant = ? AND id = ?",
                row -> resource(c, row, context), context.tenant(), id).stream().findFirst();
    }

    private ScimResource resource(Connection c, ResultSet row, StoreContext context) throws SQLException {
        Object[] values = new Object[table.columns().size() - 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getObject(table.columns().get(i));
        }
        Meta meta = new Meta(context.resourceType().name(), row.getObject("created", OffsetDateTime.class).toInstant(),
                row.getObject("last_modified", OffsetDateTime.class).toInstant(), null,
                Versions.weak(row.getLong("version")));
        ScimResource attributes = joined(c, row.getLong("id"), json.read(row.getString("scim"), values), context);
        return attributes.withId(row.getString("id")).withMeta(meta);
    }

    /** The numeric key of an id; -1, which no row has, for text that is none. */
    static long key(String id) {
        return id.matches("[0-9]{1,18}") ? Long.parseLong(id) : -1;
    }
}

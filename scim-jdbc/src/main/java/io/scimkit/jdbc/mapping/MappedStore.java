package io.scimkit.jdbc.mapping;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.SortKey;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.Versions;
import io.scimkit.jdbc.Jdbc;
import io.scimkit.jdbc.internal.query.SqlFragment;
import io.scimkit.jdbc.mapping.SqlMapping.Role;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM resource type (RFC 7643 §3) served from the application's table of a {@link SqlMapping}.
 * Each call is one transaction ({@link Jdbc#transaction}). Writes lock the row
 * ({@code SELECT ... FOR UPDATE}), compare the version (404 for an unknown id, 412 for a stale
 * one, RFC 7644 §3.14) and write; a violated unique index of the application is 409
 * {@code uniqueness} (RFC 7644 §3.3) naming the attribute of the column. Search pushes the filters
 * and sorts of {@link MappedFilter} and index paging ({@code LIMIT}/{@code OFFSET}) to SQL.
 */
abstract class MappedStore implements ResourceStore {
    final DataSource dataSource;
    final MappedTable table;
    private final MappedFilter filters;
    private final StoreCapabilities capabilities;

    MappedStore(DataSource dataSource, SchemaRegistry registry, MappedTable table) {
        this.dataSource = dataSource;
        this.table = table;
        this.filters = new MappedFilter(registry, table);
        this.capabilities = StoreCapabilities.builder().filters(filter -> filters.compile(filter) != null).sorting().build();
    }

    /** Adds what other tables hold (a group's members) to a resource read from its row; nothing by default. */
    ScimResource joined(Connection c, ScimResource resource, StoreContext context) throws SQLException {
        return resource;
    }

    /** Applies member changes of a group; users have none. */
    void members(Connection c, StoreContext context, Object key, MemberChanges changes) throws SQLException {
    }

    /** Removes what other tables hold of a resource before its row is deleted; nothing by default. */
    void forget(Connection c, Object key) throws SQLException {
    }

    @Override
    public StoreCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate create) {
        refuseUnmapped(create.body());
        return Jdbc.transaction(dataSource, c -> {
            List<String> columns = new ArrayList<>();
            List<@Nullable Object> values = new ArrayList<>();
            Object key = table.newKey();
            if (key != null) {
                columns.add(table.id());
                values.add(key);
            }
            addRole(columns, values, Role.TENANT, context.tenant());
            addRole(columns, values, Role.VERSION, 1L);
            addRole(columns, values, Role.CREATED, time(Role.CREATED, context));
            addRole(columns, values, Role.LAST_MODIFIED, time(Role.LAST_MODIFIED, context));
            columns.addAll(bodyColumns());
            values.addAll(table.values(create.body()));
            String sql = "INSERT INTO " + table.table() + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            Object generated = unique(() -> Jdbc.insert(c, sql, table.id(), values.toArray()));
            Object id = key != null ? key : generated;
            if (id == null) {
                throw new IllegalStateException("the database generated no key in " + table.table() + "." + table.id());
            }
            members(c, context, id, MemberChanges.add(create.members()));
            return load(c, context, id, false).orElseThrow();
        });
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        Object key = table.key(id);
        return key == null ? Optional.empty() : Jdbc.transaction(dataSource, c -> load(c, context, key, false));
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        SqlFragment where = table.visible("r", context.tenant());
        if (query.filter() != null) {
            SqlFragment predicate = filters.compile(query.filter());
            if (predicate == null) {
                throw new IllegalStateException("the core passed a filter the store does not evaluate: " + query.filter());
            }
            where = where.and(predicate);
        }
        Paging.Index page = (Paging.Index) query.paging();
        String orderBy = filters.orderBy(query.sort());
        String from = " FROM " + table.table() + " r WHERE " + where.sql();
        List<Object> parameters = where.parameters();
        return Jdbc.transaction(dataSource, c -> {
            long total = Jdbc.query(c, "SELECT COUNT(*)" + from, row -> row.getLong(1), parameters.toArray()).get(0);
            if (orderBy == null) {
                // Sorted by an attribute without a plain column: the matches, sorted here (RFC 7644 §3.4.2.3).
                List<ScimResource> all = rows(c, context, "SELECT " + table.selectList() + from, parameters);
                return StorePage.slice(SortKey.sort(all, query.sort()), page);
            }
            if (page.count() == 0 || page.offset() >= total) {
                return StorePage.of(List.of(), total);
            }
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(page.count());
            paged.add(page.offset());
            return StorePage.of(rows(c, context, "SELECT " + table.selectList() + from + " ORDER BY " + orderBy
                    + " LIMIT ? OFFSET ?", paged), total);
        });
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        if (update.body() != null) {
            refuseUnmapped(update.body());
        }
        return Jdbc.transaction(dataSource, c -> {
            Object key = lock(c, context, update.id(), update.expectedVersion());
            List<String> set = new ArrayList<>();
            List<@Nullable Object> values = new ArrayList<>();
            if (update.body() != null) {
                set.addAll(bodyColumns());
                values.addAll(table.values(update.body()));
            }
            addRole(set, values, Role.LAST_MODIFIED, time(Role.LAST_MODIFIED, context));
            String version = table.column(Role.VERSION);
            String assignments = String.join(" = ?, ", set) + (set.isEmpty() ? "" : " = ?")
                    + (version == null ? "" : (set.isEmpty() ? "" : ", ") + version + " = " + version + " + 1");
            if (!assignments.isEmpty()) {
                values.add(key);
                unique(() -> Jdbc.update(c, "UPDATE " + table.table() + " SET " + assignments + " WHERE " + table.id()
                        + " = ?", values.toArray()));
            }
            members(c, context, key, update.members());
            return load(c, context, key, false).orElseThrow();
        });
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete) {
        Jdbc.transaction(dataSource, c -> {
            Object key = lock(c, context, delete.id(), delete.expectedVersion());
            String deleted = table.column(Role.SOFT_DELETE);
            if (deleted != null) {
                Object mark = table.kind(deleted) == ColumnKind.BOOLEAN ? Boolean.TRUE
                        : MappedTable.time(context.requestTime(), table.kind(deleted));
                return Jdbc.update(c, "UPDATE " + table.table() + " SET " + deleted + " = ? WHERE " + table.id() + " = ?",
                        mark, key);
            }
            forget(c, key);
            return Jdbc.update(c, "DELETE FROM " + table.table() + " WHERE " + table.id() + " = ?", key);
        });
    }

    /**
     * Locks the row of a write and checks its version: 404 for an id the caller cannot see, 412
     * when the expected version is not the current one. Returns the row's key.
     */
    private Object lock(Connection c, StoreContext context, String id, @Nullable String expected) throws SQLException {
        String what = context.resourceType().name() + " " + id;
        Object key = table.key(id);
        ScimResource current = key == null ? null : load(c, context, key, true).orElse(null);
        if (current == null) {
            throw ScimException.notFound(what + " not found");
        }
        Versions.requireMatch(current.meta().orElseThrow().version(), expected, what);
        return key;
    }

    private Optional<ScimResource> load(Connection c, StoreContext context, Object key, boolean forUpdate)
            throws SQLException {
        SqlFragment where = table.visible("r", context.tenant()).and(SqlFragment.of("r." + table.id() + " = ?", key));
        String sql = "SELECT " + table.selectList() + " FROM " + table.table() + " r WHERE " + where.sql();
        if (forUpdate) {
            // Only the row's version matters here: a group's members are not read.
            String type = context.resourceType().name();
            return Jdbc.query(c, sql + " FOR UPDATE", row -> table.read(row, type), where.parameters().toArray())
                    .stream().findFirst();
        }
        return rows(c, context, sql, where.parameters()).stream().findFirst();
    }

    private List<ScimResource> rows(Connection c, StoreContext context, String sql, List<Object> parameters)
            throws SQLException {
        String type = context.resourceType().name();
        List<ScimResource> rows = Jdbc.query(c, sql, row -> table.read(row, type), parameters.toArray());
        List<ScimResource> joined = new ArrayList<>(rows.size());
        for (ScimResource row : rows) {
            joined.add(joined(c, row, context));
        }
        return joined;
    }

    private List<String> bodyColumns() {
        List<String> columns = new ArrayList<>();
        table.fields().forEach(field -> columns.add(field.column()));
        if (table.column(Role.JSON) != null) {
            columns.add(table.column(Role.JSON));
        }
        return columns;
    }

    private void addRole(List<String> columns, List<@Nullable Object> values, Role role, Object value) {
        String column = table.column(role);
        if (column != null) {
            columns.add(column);
            values.add(value);
        }
    }

    private Object time(Role role, StoreContext context) {
        String column = table.column(role);
        return MappedTable.time(context.requestTime(), column == null ? ColumnKind.TIMESTAMP_TZ : table.kind(column));
    }

    /** 400 for a resource with attributes that have no column, when there is no JSON column for them. */
    private void refuseUnmapped(ScimResource body) {
        if (table.column(Role.JSON) == null) {
            List<String> rest = table.unmapped(body);
            if (!rest.isEmpty()) {
                throw ScimException.invalidValue("this service provider does not store these attributes of a "
                        + table.type().name() + ": " + String.join(", ", rest) + " (nothing was stored)");
            }
        }
    }

    /** A statement whose unique-index violation becomes 409 uniqueness. */
    @FunctionalInterface
    private interface Statement<T> {
        T run() throws SQLException;
    }

    private <T> T unique(Statement<T> statement) throws SQLException {
        try {
            return statement.run();
        } catch (SQLException failed) {
            for (SQLException e = failed; e != null; e = e.getNextException()) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23505")) {
                    throw ScimException.uniqueness("another " + table.type().name() + " already has this "
                            + attributeOf(failed) + " (RFC 7643 §2.2 uniqueness)");
                }
            }
            throw failed;
        }
    }

    /** The attribute whose column the database names in a unique-index violation. */
    private String attributeOf(SQLException error) {
        String text = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        for (MappedTable.Field field : table.fields()) {
            if (text.contains(field.column().toLowerCase(Locale.ROOT))) {
                return field.attribute().canonicalPath().toString();
            }
        }
        return "unique attribute";
    }
}

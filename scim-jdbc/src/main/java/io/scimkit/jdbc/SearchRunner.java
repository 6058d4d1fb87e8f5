package io.scimkit.jdbc;

import io.scimkit.core.filter.AndFilter;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterEvaluator;
import io.scimkit.core.filter.NotFilter;
import io.scimkit.core.filter.OrFilter;
import io.scimkit.core.filter.PresentFilter;
import io.scimkit.core.filter.ResourceMatcher;
import io.scimkit.core.filter.ValuePathFilter;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.CursorPayload;
import io.scimkit.core.store.CursorSeal;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortKey;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.jdbc.internal.query.FilterCompiler;
import io.scimkit.jdbc.internal.query.SortColumn;
import io.scimkit.jdbc.internal.query.SqlFragment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one query (RFC 7644 §3.4.2). When the filter compiles to SQL and the sort is on a column,
 * the database does everything: {@code COUNT(*)} for {@code totalResults}, {@code ORDER BY} with
 * the creation sequence as tie-breaker, {@code OFFSET}/{@code FETCH} for index pages, and keyset
 * conditions for cursor pages (RFC 9865: a resource that matches throughout a walk and keeps its
 * sort value is returned exactly once, whatever is created or deleted meanwhile). Otherwise (the
 * core only sends such queries when called directly; its capabilities say so) the store reads the
 * rows the pushable part of the filter selects, evaluates the filter with the core's evaluator,
 * sorts in Java ({@link SortKey}), and pages by offset; this is logged at debug level.
 *
 * <p>Cursors are {@link CursorPayload}s (a keyset position, or an offset for the queries sorted or
 * filtered in Java) sealed with a {@link CursorSeal} under a secret kept in the database, so every
 * server on one database accepts the others' cursors; the seal covers the tenant, resource type,
 * filter and sort, so a cursor of another query or tenant is 400 {@code invalidCursor}
 * (RFC 9865 §2.1).
 */
final class SearchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SearchRunner.class);

    private final ResourceTable table;
    private final FilterCompiler compiler;
    private final FilterEvaluator evaluator;
    private final CursorSeal seal;
    private final Duration cursorTimeout;
    private final Clock clock;

    SearchRunner(ResourceTable table, SchemaRegistry registry, CursorSeal seal, Duration cursorTimeout, Clock clock) {
        this.table = table;
        this.compiler = new FilterCompiler(registry, table.type, table.dialect);
        this.evaluator = FilterEvaluator.of(registry, table.type);
        this.seal = seal;
        this.cursorTimeout = cursorTimeout;
        this.clock = clock;
    }

    FilterCompiler compiler() {
        return compiler;
    }

    StorePage search(StoreContext context, StoreQuery query) {
        Filter filter = query.filter();
        Sort sort = query.sort();
        SqlFragment exact = filter == null ? null : compiler.compile(filter).orElse(null);
        SortColumn sortColumn = sort == null ? null : SortColumn.of(table.kind, sort).orElse(null);
        boolean pushed = (filter == null || exact != null) && (sort == null || sortColumn != null);
        String signed = part(context.tenant()) + part(table.type.name()) + part(filter == null ? "" : filter.toString())
                + part(sort == null ? "" : sort.by().canonicalPath() + " " + sort.order().token());
        CursorPayload.Position position = null;
        if (query.paging() instanceof Paging.Cursor cursor && cursor.cursor() != null) {
            position = CursorPayload.open(seal, cursor.cursor(), signed, clock.instant()).requireCount(cursor.count())
                    .position();
            // Keyset positions for what the database sorts, offsets for what Java sorts.
            if ((position instanceof CursorPayload.After) != pushed || position instanceof CursorPayload.Before) {
                throw CursorPayload.invalidCursor();
            }
        }
        SqlFragment where = SqlFragment.of("r.tenant = ? AND r.resource_type = ?", context.tenant(), table.type.name());
        boolean withMembers = table.returnsMembers(context);
        if (pushed) {
            SqlFragment matching = exact == null ? where : where.and(exact);
            CursorPayload.After start = (CursorPayload.After) position;
            return table.transactions.read(connection -> pushedPage(connection, context, matching, sortColumn,
                    query.paging(), start, signed, withMembers));
        }
        LOG.debug("the JDBC {} store evaluates the filter or sort in Java", table.type.name());
        SqlFragment narrowed = filter == null ? where
                : compiler.narrowing(filter).map(where::and).orElse(where);
        CursorPayload.Offset start = (CursorPayload.Offset) position;
        // Members are read to evaluate a filter only when SQL did not decide it and it tests them.
        boolean membersForFilter = filter != null && exact == null && table.hasMembers() && testsMembers(filter);
        return table.transactions.read(connection -> {
            List<ScimResource> matches = evaluated(connection, context.tenant(), narrowed, exact == null ? filter : null,
                    sort, sortColumn, withMembers, membersForFilter);
            return javaPage(matches, query.paging(), start, signed);
        });
    }

    private StorePage pushedPage(Connection connection, StoreContext context, SqlFragment where,
            @Nullable SortColumn sort, Paging paging, CursorPayload.@Nullable After position, String signed,
            boolean withMembers)
            throws SQLException {
        long total = count(connection, where);
        String orderBy = sort == null ? SortColumn.CREATION_ORDER : sort.orderBy();
        if (paging instanceof Paging.Index index) {
            if (index.count() == 0 || index.startIndex() - 1L >= total) {
                return StorePage.of(List.of(), total);
            }
            SqlFragment page = new SqlFragment("SELECT " + StoredRow.COLUMNS + " FROM scim_resource r WHERE " + where.sql()
                    + " ORDER BY " + orderBy + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    append(where.parameters(), (long) index.startIndex() - 1, (long) index.count()));
            List<StoredRow> rows = rows(connection, page, false);
            return StorePage.of(table.resources(connection, context.tenant(), rows, withMembers), total);
        }
        int count = paging.count();
        if (count == 0 || total == 0) {
            return StorePage.of(List.of(), total);
        }
        SqlFragment after = where;
        if (position != null) {
            long seq = sequence(position);
            after = where.and(sort == null ? SqlFragment.of("r.seq > ?", seq) : sort.after(position.key(), seq));
        }
        String sortSelect = sort == null ? "" : ", " + sort.name();
        SqlFragment page = new SqlFragment("SELECT " + StoredRow.COLUMNS + sortSelect + " FROM scim_resource r WHERE "
                + after.sql() + " ORDER BY " + orderBy + " FETCH FIRST ? ROWS ONLY",
                append(after.parameters(), (long) count + 1));
        List<StoredRow> rows = rows(connection, page, sort != null);
        String next = null;
        if (rows.size() > count) {
            rows = rows.subList(0, count);
            StoredRow last = rows.get(count - 1);
            SortKey key = sort == null ? SortKey.missing() : sort.keyOf(last.sortKey());
            next = cursor(signed, count, new CursorPayload.After(key, Long.toString(last.seq())));
        }
        return new StorePage(table.resources(connection, context.tenant(), rows, withMembers), total, next, null);
    }

    private List<ScimResource> evaluated(Connection connection, String tenant, SqlFragment where,
            @Nullable Filter filter, @Nullable Sort sort, @Nullable SortColumn sortColumn, boolean withMembers,
            boolean membersForFilter) throws SQLException {
        String orderBy = sortColumn == null ? SortColumn.CREATION_ORDER : sortColumn.orderBy();
        List<StoredRow> rows = rows(connection, new SqlFragment("SELECT " + StoredRow.COLUMNS
                + " FROM scim_resource r WHERE " + where.sql() + " ORDER BY " + orderBy, where.parameters()), false);
        // Evaluate on whole resources (members included when the filter tests them), so the evaluator
        // sees what clients see; members are read for a filter only when a caller other than the core
        // sends one SQL cannot decide (the core walks members itself, in bounded memory).
        List<ScimResource> all = table.resources(connection, tenant, rows, withMembers || membersForFilter);
        ResourceMatcher matcher = filter == null ? null : evaluator.compile(filter);
        List<ScimResource> matches = new ArrayList<>();
        for (ScimResource resource : all) {
            if (matcher == null || matcher.matches(resource.body())) {
                matches.add(table.hasMembers() && !withMembers ? resource.without("members") : resource);
            }
        }
        // The rows came in creation order (or the column's order): the stable sort keeps it for ties.
        return sort != null && sortColumn == null ? SortKey.sort(matches, sort) : matches;
    }

    private StorePage javaPage(List<ScimResource> matches, Paging paging, CursorPayload.@Nullable Offset position,
            String signed) {
        if (paging instanceof Paging.Index index) {
            int from = (int) Math.min(matches.size(), index.startIndex() - 1L);
            int to = (int) Math.min(matches.size(), (long) from + index.count());
            return StorePage.of(matches.subList(from, to), matches.size());
        }
        int count = paging.count();
        int from = position == null ? 0 : (int) Math.min(matches.size(), position.offset());
        int to = (int) Math.min(matches.size(), (long) from + count);
        String next = count > 0 && to < matches.size()
                ? cursor(signed, count, new CursorPayload.Offset(to)) : null;
        return new StorePage(matches.subList(from, to), matches.size(), next, null);
    }

    /** The cursor of a position, expiring after the cursor timeout. */
    private String cursor(String signed, int count, CursorPayload.Position position) {
        return CursorPayload.expiring(position, count, clock.instant(), cursorTimeout).seal(seal, signed);
    }

    /** The creation sequence a keyset position of this store holds. */
    private static long sequence(CursorPayload.After position) {
        try {
            return Long.parseLong(position.tieBreaker());
        } catch (NumberFormatException notOurs) {
            throw CursorPayload.invalidCursor();
        }
    }

    private static long count(Connection connection, SqlFragment where) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM scim_resource r WHERE " + where.sql())) {
            Parameters.bind(query, where.parameters());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<StoredRow> rows(Connection connection, SqlFragment select, boolean withSortKey)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(select.sql())) {
            Parameters.bind(query, select.parameters());
            List<StoredRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(StoredRow.read(result, withSortKey));
                }
            }
            return rows;
        }
    }

    private static List<Object> append(List<Object> parameters, Object... more) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(List.of(more));
        return all;
    }

    /** Whether a filter tests a group's {@code members} (or a sub-attribute of them). */
    private static boolean testsMembers(Filter filter) {
        if (filter instanceof AndFilter and) {
            return testsMembers(and.left()) || testsMembers(and.right());
        }
        if (filter instanceof OrFilter or) {
            return testsMembers(or.left()) || testsMembers(or.right());
        }
        if (filter instanceof NotFilter not) {
            return testsMembers(not.inner());
        }
        AttributePath path = filter instanceof ComparisonFilter comparison ? comparison.path()
                : filter instanceof PresentFilter present ? present.path()
                : ((ValuePathFilter) filter).path();
        return path.attribute().equalsIgnoreCase("members");
    }

    /** A length-prefixed part of the signed query, so that no two queries sign alike. */
    private static String part(String text) {
        return Objects.requireNonNull(text).length() + ":" + text + ";";
    }
}

package io.scimkit.jdbc.internal.query;

import io.scimkit.core.store.CursorPayload;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortKey;
import io.scimkit.core.store.SortOrder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sort (RFC 7644 §3.4.2.3) the database performs: by a column of the resource table, resources
 * without a value last in ascending and first in descending order, ties broken by the creation
 * sequence {@code r.seq} in ascending order, so that the order is total and keyset cursors can
 * continue after any row. Strings that are not caseExact sort by their case fold, so they compare
 * case-insensitively as the RFC asks. Immutable.
 */
public final class SortColumn {
    /**
     * The ORDER BY of a query without a sort: creation order, led by the tenant and resource type
     * for the reason given at {@link #orderBy}.
     */
    public static final String CREATION_ORDER = "r.tenant, r.resource_type, r.seq ASC";

    private final Column column;
    private final SortOrder order;

    private SortColumn(Column column, SortOrder order) {
        this.column = column;
        this.order = order;
    }

    /** The pushed-down form of a sort, if the attribute has a column on the resource table. */
    public static Optional<SortColumn> of(ResourceKind kind, Sort sort) {
        return Column.of(kind, sort.by()).filter(column -> column.child() == null)
                .map(column -> new SortColumn(column, sort.order()));
    }

    /** The qualified column, to select it along with a page's rows. */
    public String name() {
        return column.name();
    }

    /**
     * The ORDER BY list, for a query whose WHERE fixes {@code r.tenant} and {@code r.resource_type}.
     * It starts with those two: they change nothing (each is one value), but H2 reads rows in an
     * index's order only when the ORDER BY names the index's leading columns, and every index starts
     * with them; without them H2 reads and sorts every row of the tenant to return one page.
     */
    public String orderBy() {
        return "r.tenant, r.resource_type, " + (descending() ? column.name() + " DESC NULLS FIRST, r.seq ASC"
                : column.name() + " ASC NULLS LAST, r.seq ASC");
    }

    /**
     * The sort key of a row, from the value of the column as read ({@code String}, {@code Boolean}
     * or {@code OffsetDateTime}; {@code null} when the row has none), for a keyset cursor.
     */
    public SortKey keyOf(@Nullable Object value) {
        if (value == null) {
            return SortKey.missing();
        }
        if (value instanceof Boolean flag) {
            return new SortKey.Flag(flag);
        }
        if (value instanceof OffsetDateTime time) {
            return new SortKey.Time(time.toInstant());
        }
        // Text columns already hold what compares (the case fold where the attribute is not caseExact).
        return new SortKey.Text(value.toString());
    }

    /**
     * The rows after a position in this order: the keyset condition of a cursor.
     *
     * @param key the sort key of the position's row ({@link #keyOf})
     * @param seq the creation sequence of that row
     * @throws io.scimkit.core.error.ScimException 400 {@code invalidCursor} if the key cannot be a
     *     value of this column
     */
    public SqlFragment after(SortKey key, long seq) {
        String name = column.name();
        if (key instanceof SortKey.Missing) {
            // Ascending, missing values come last; descending, first, followed by every value.
            return descending()
                    ? SqlFragment.of("((" + name + " IS NULL AND r.seq > ?) OR " + name + " IS NOT NULL)", seq)
                    : SqlFragment.of("(" + name + " IS NULL AND r.seq > ?)", seq);
        }
        Object value = parameter(key);
        String beyond = descending() ? "<" : ">";
        String tail = descending() ? "" : " OR " + name + " IS NULL";
        return SqlFragment.of("(" + name + " " + beyond + " ? OR (" + name + " = ? AND r.seq > ?)" + tail + ")",
                value, value, seq);
    }

    private boolean descending() {
        return order == SortOrder.DESCENDING;
    }

    private Object parameter(SortKey key) {
        Object value = switch (column.type()) {
            case TEXT -> key instanceof SortKey.Text text ? text.value() : null;
            case BOOLEAN -> key instanceof SortKey.Flag flag ? flag.value() : null;
            case DATE_TIME -> key instanceof SortKey.Time time ? OffsetDateTime.ofInstant(time.value(), ZoneOffset.UTC)
                    : null;
        };
        if (value == null) {
            throw CursorPayload.invalidCursor();
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SortColumn that && column.equals(that.column) && order == that.order;
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, order);
    }

    @Override
    public String toString() {
        return "SortColumn[" + column.name() + " " + order.token() + "]";
    }
}

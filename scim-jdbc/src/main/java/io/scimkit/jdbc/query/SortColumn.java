package io.scimkit.jdbc.query;

import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortOrder;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sort (RFC 7644 §3.4.2.3) the database performs: by a column of the resource table, resources
 * without a value last in ascending and first in descending order (P-SRT-05), ties broken by the
 * creation sequence {@code r.seq} in ascending order, so that the order is total and keyset cursors
 * can continue after any row. Strings that are not caseExact sort by their case fold (P-SRT-07).
 *
 * @param column the column sorted by
 * @param order the order
 */
public record SortColumn(Column column, SortOrder order) {

    /** The pushed-down form of a sort, if the attribute has a column on the resource table. */
    public static Optional<SortColumn> of(ResourceKind kind, Sort sort) {
        return Column.of(kind, sort.by()).filter(column -> column.child() == null)
                .map(column -> new SortColumn(column, sort.order()));
    }

    /** Whether the order is descending. */
    public boolean descending() {
        return order == SortOrder.DESCENDING;
    }

    /** The ORDER BY list. */
    public String orderBy() {
        return descending() ? column.name() + " DESC NULLS FIRST, r.seq ASC" : column.name() + " ASC NULLS LAST, r.seq ASC";
    }

    /**
     * The rows after a position in this order: the keyset condition of a cursor.
     *
     * @param key the sort value of the position's row ({@code null} when it had none)
     * @param seq the creation sequence of that row
     */
    public SqlFragment after(@Nullable Object key, long seq) {
        String name = column.name();
        if (key == null) {
            // Ascending, missing values come last; descending, first, followed by every value.
            return descending()
                    ? SqlFragment.of("((" + name + " IS NULL AND r.seq > ?) OR " + name + " IS NOT NULL)", seq)
                    : SqlFragment.of("(" + name + " IS NULL AND r.seq > ?)", seq);
        }
        String beyond = descending() ? "<" : ">";
        String tail = descending() ? "" : " OR " + name + " IS NULL";
        return SqlFragment.of("(" + name + " " + beyond + " ? OR (" + name + " = ? AND r.seq > ?)" + tail + ")",
                key, key, seq);
    }
}

package io.scimkit.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * One row of {@code scim_resource} as read: id, creation sequence, version counter, times and the
 * JSON body (without {@code meta} and {@code members}).
 */
record StoredRow(String id, long seq, long version, OffsetDateTime created, OffsetDateTime lastModified,
        String body, @org.jspecify.annotations.Nullable Object sortKey) {

    /** The columns {@link #read} expects, in order; a sort column may follow. */
    static final String COLUMNS = "r.id, r.seq, r.version, r.created, r.last_modified, r.body";

    static StoredRow read(ResultSet rows, boolean withSortKey) throws SQLException {
        Object sortKey = null;
        if (withSortKey) {
            sortKey = rows.getObject(7);
            if (sortKey != null && !(sortKey instanceof String) && !(sortKey instanceof Boolean)) {
                sortKey = rows.getObject(7, OffsetDateTime.class);
            }
        }
        return new StoredRow(rows.getString(1), rows.getLong(2), rows.getLong(3),
                rows.getObject(4, OffsetDateTime.class), rows.getObject(5, OffsetDateTime.class), rows.getString(6),
                sortKey);
    }
}

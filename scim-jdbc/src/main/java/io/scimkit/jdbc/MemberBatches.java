package io.scimkit.jdbc;

import io.scimkit.core.value.ComplexValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one group's {@code members} (RFC 7643 §4.2) from {@code scim_member} in batches of
 * {@value #BATCH} rows, in the order they were added: each batch is one short read of one statement
 * (a forward-only, read-only cursor, keyset on the member sequence over the
 * {@code (tenant, resource_type, group_id, seq)} index), and the batch is handed on after the
 * connection went back to the pool. So memory holds one batch whatever the group's size, and a slow reader (a
 * response written to a slow client) never keeps a pooled connection. A member added while the
 * batches are read may or may not be seen; none is seen twice.
 */
final class MemberBatches {
    /** Rows per batch and fetch. */
    static final int BATCH = 1000;

    private static final String SELECT = "SELECT member_id, member_type, display, ref, seq FROM scim_member"
            + " WHERE tenant = ? AND resource_type = ? AND group_id = ? AND seq > ?"
            // The whole index key, so that H2 reads the index in order instead of sorting the group.
            + " ORDER BY tenant, resource_type, group_id, seq FETCH FIRST " + BATCH + " ROWS ONLY";

    private MemberBatches() {
    }

    /** One batch: the elements and the sequence of the last row (the next batch starts after it). */
    private record Batch(List<ComplexValue> elements, long last) {
    }

    /** Hands each member of the group to the action, batch by batch. */
    static void forEach(Transactions transactions, String tenant, String type, String groupId,
            Consumer<ComplexValue> action) {
        long after = Long.MIN_VALUE;
        while (true) {
            long start = after;
            Batch batch = transactions.readOne(connection -> read(connection, tenant, type, groupId, start));
            batch.elements().forEach(action);
            if (batch.elements().size() < BATCH) {
                return;
            }
            after = batch.last();
        }
    }

    private static Batch read(Connection connection, String tenant, String type, String groupId, long after)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(BATCH);
            Parameters.bind(query, List.of(tenant, type, groupId, after));
            List<ComplexValue> elements = new ArrayList<>(BATCH);
            long last = after;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    elements.add(MemberRows.element(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4)));
                    last = rows.getLong(5);
                }
            }
            return new Batch(elements, last);
        }
    }
}

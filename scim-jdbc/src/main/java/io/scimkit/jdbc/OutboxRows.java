package io.scimkit.jdbc;

import io.scimkit.core.codec.EventCodec;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.store.PendingEvents;
import io.scimkit.core.store.WrittenChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes provisioning events to {@code scim_outbox}, on the connection of the change they tell of,
 * so that they are committed or rolled back with it. Each row holds one event in the
 * {@link EventCodec} form; {@code seq} orders them. A row is written after the change's own
 * statements, which lock the changed rows: so the events of one resource get ascending
 * {@code seq} values in the order their changes commit.
 */
final class OutboxRows {
    private static final String INSERT = "INSERT INTO scim_outbox (tenant, resource_type, resource_id, event_type,"
            + " payload, recorded_at, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)";

    private OutboxRows() {
    }

    /** Records the events of a write, when there are any to record ({@code events} not {@code null}). */
    static void record(Connection connection, @Nullable PendingEvents events, WrittenChange written,
            OffsetDateTime now) throws SQLException {
        if (events == null) {
            return;
        }
        List<ProvisioningEvent> list = events.of(written);
        if (list.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (ProvisioningEvent event : list) {
                Parameters.bind(insert, List.of(event.tenant(), event.resourceType(), event.resourceId(), event.type(),
                        EventCodec.writeString(event), now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}

package io.scimkit.jdbc;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.PendingEvents;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.Versions;
import io.scimkit.core.store.WrittenChange;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import io.scimkit.jdbc.internal.query.ResourceKind;
import io.scimkit.jdbc.schema.Dialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The resources of one resource type in {@code scim_resource} (plus {@code scim_email} for Users
 * and {@code scim_member} for Groups): create, read, compare-and-swap update and hard delete, each
 * one transaction. Uniqueness comes from unique indexes alone (no check-then-act): a violation is
 * 409 {@code uniqueness}. Versions are a counter per row, served as {@code W/"n"}; an update is
 * {@code UPDATE ... WHERE version = ?}, and when it changes no row the store tells 404 from 412.
 * Times are kept to the microsecond.
 */
final class ResourceTable {
    private static final AttributePath MEMBERS = AttributePath.of("members");

    final ResourceType type;
    final ResourceKind kind;
    final Dialect dialect;
    final Transactions transactions;
    final MemberRows members;
    private final ResourceCodec codec;
    private final boolean uniqueExternalId;

    ResourceTable(Transactions transactions, Dialect dialect, ResourceCodec codec, ResourceType type,
            boolean uniqueExternalId) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.codec = codec;
        this.type = type;
        this.kind = ResourceKind.of(type);
        this.members = new MemberRows(dialect);
        this.uniqueExternalId = uniqueExternalId;
    }

    boolean hasMembers() {
        return kind == ResourceKind.GROUP;
    }

    boolean returnsMembers(StoreContext context) {
        return hasMembers() && context.projection().includes(MEMBERS);
    }

    ScimResource create(StoreContext context, ResourceCreate resource) {
        return create(context, resource, null);
    }

    /** Creates the resource; records {@code events} of it in the same transaction, when given. */
    ScimResource create(StoreContext context, ResourceCreate resource, @Nullable PendingEvents events) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now(context);
        ComplexValue body = stripped(resource.body().body(), id);
        IndexedValues values = IndexedValues.of(kind, body, uniqueExternalId);
        String json = json(body);
        // Members in the body are read too, for callers that use the store without the core.
        List<ComplexValue> initial = !hasMembers() ? null
                : resource.members().isEmpty() ? MemberRows.elementsOf(resource.body().body()) : resource.members();
        // The answer is what was written; only members to show are read back (as stored: once each, in order).
        boolean readBack = initial != null && !initial.isEmpty() && returnsMembers(context);
        String tenant = context.tenant();
        return transactions.write(connection -> {
            String sql = "INSERT INTO scim_resource (tenant, resource_type, id, version, created, last_modified,"
                    + " user_name_key, user_name_fold, display_name, display_name_key, display_name_fold, external_id,"
                    + " external_id_unique, active, body) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + dialect.bodyParameter() + ")";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                bindRow(insert, new Object[] {tenant, type.name(), id, now, now}, values, json);
                insert.executeUpdate();
            }
            writeEmails(connection, tenant, id, values, false);
            if (initial != null) {
                members.add(connection, tenant, type.name(), id, initial);
            }
            ScimResource created = readBack ? load(connection, tenant, id, true).orElseThrow()
                    : resource(new StoredRow(id, 0, 1, now, now, json, null), null);
            OutboxRows.record(connection, events, WrittenChange.of(created), now);
            return created;
        });
    }

    Optional<ScimResource> get(StoreContext context, String id) {
        boolean withMembers = returnsMembers(context);
        // Without members the read is one statement; with them two, which must see one snapshot.
        Transactions.Work<Optional<ScimResource>> read = connection -> load(connection, context.tenant(), id, withMembers);
        return withMembers ? transactions.read(read) : transactions.readOne(read);
    }

    ScimResource update(StoreContext context, ResourceUpdate update) {
        return Objects.requireNonNull(update(context, update, true, null));
    }

    /** Updates the resource; records {@code events} of it in the same transaction. */
    ScimResource update(StoreContext context, ResourceUpdate update, PendingEvents events) {
        return Objects.requireNonNull(update(context, update, true, events));
    }

    /**
     * Applies an update; returns the stored result when {@code reload}, else {@code null} (the
     * member delta methods return nothing, so they skip reading a large group back).
     */
    @Nullable ScimResource update(StoreContext context, ResourceUpdate update, boolean reload,
            @Nullable PendingEvents events) {
        String tenant = context.tenant();
        String id = update.id();
        OffsetDateTime now = now(context);
        ComplexValue body = update.body() == null ? null : stripped(update.body().body(), id);
        IndexedValues values = body == null ? null : IndexedValues.of(kind, body, uniqueExternalId);
        String json = body == null ? null : json(body);
        // The answer is what was written, with the version and creation time the UPDATE returns (and
        // the stored body when there is no new one); only an answer with members reads the group back.
        boolean fromWritten = reload && !returnsMembers(context);
        List<ComplexValue> bodyMembers = update.body() != null && hasMembers()
                ? MemberRows.elementsOf(update.body().body()) : null;
        MemberChanges changes = update.members();
        if (!changes.isEmpty() && !hasMembers()) {
            throw ScimException.invalidValue(type.name() + " resources have no members");
        }
        changes.added().forEach(MemberRows::idOf);
        return transactions.write(connection -> {
            // The version compare-and-swap comes first: it also locks the row, so member changes
            // of one group never interleave.
            StoredRow written = compareAndSwap(connection, tenant, id, update.expectedVersion(), now, values, json,
                    fromWritten);
            if (values != null) {
                writeEmails(connection, tenant, id, values, true);
            }
            if (hasMembers()) {
                if (bodyMembers != null || changes.replaceAll()) {
                    members.removeAll(connection, tenant, type.name(), id);
                }
                if (bodyMembers != null) {
                    members.add(connection, tenant, type.name(), id, bodyMembers);
                }
                members.remove(connection, tenant, type.name(), id, changes.removed());
                members.add(connection, tenant, type.name(), id, changes.added());
            }
            if (!reload) {
                return null;
            }
            ScimResource updated = written != null ? resource(written, null)
                    : load(connection, tenant, id, returnsMembers(context)).orElseThrow();
            OutboxRows.record(connection, events, WrittenChange.of(updated), now);
            return updated;
        });
    }

    /** Deletes the resource; records {@code events} of it in the same transaction, when given. */
    void delete(StoreContext context, String id, @Nullable String expectedVersion, @Nullable PendingEvents events) {
        String tenant = context.tenant();
        OffsetDateTime now = now(context);
        transactions.write(connection -> {
            Long expected = expectedCounter(expectedVersion);
            String sql = "DELETE FROM scim_resource WHERE tenant = ? AND resource_type = ? AND id = ?"
                    + (expected == null ? "" : " AND version = ?");
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                List<Object> parameters = new ArrayList<>(List.of(tenant, type.name(), id));
                if (expected != null) {
                    parameters.add(expected);
                }
                Parameters.bind(delete, parameters);
                if (delete.executeUpdate() == 0) {
                    throw missingOrStale(connection, tenant, id, expectedVersion);
                }
            }
            // A deleted resource is no longer a member of any group of its tenant (RFC 7644 §3.6 leaves this open).
            List<WrittenChange.GroupLeft> left = members.removeEverywhere(connection, tenant, id, now);
            OutboxRows.record(connection, events, WrittenChange.deleted(left), now);
            return null;
        });
    }

    Set<String> membersAmong(StoreContext context, String groupId, Set<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Set.of();
        }
        Transactions.Work<Set<String>> read = connection -> members.membersAmong(connection, context.tenant(),
                context.resourceType().name(), groupId, memberIds);
        return memberIds.size() <= MemberRows.IN_CHUNK ? transactions.readOne(read) : transactions.read(read);
    }

    List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        return transactions.readOne(connection -> members.groupsOf(connection, context.tenant(), memberId));
    }

    Map<String, List<GroupMembership>> groupsOfEach(StoreContext context, Collection<String> memberIds) {
        return transactions.read(connection -> members.groupsOfEach(connection, context.tenant(), memberIds));
    }

    /** The resource as clients see it: body, {@code members} (when asked) before {@code meta}. */
    ScimResource resource(StoredRow row, @Nullable List<ComplexValue> memberList) {
        ComplexValue stored = codec.read(row.body().getBytes(StandardCharsets.UTF_8), type).body();
        ComplexValue.Builder body = ComplexValue.builder();
        // jsonb does not keep key order: schemas and id first, as written.
        for (String first : List.of("schemas", "id")) {
            ScimValue value = stored.getOrNull(first);
            if (value != null) {
                body.put(first, value);
            }
        }
        stored.attributes().forEach((name, value) -> {
            if (!name.equals("schemas") && !name.equals("id")) {
                body.put(name, value);
            }
        });
        if (memberList != null && !memberList.isEmpty()) {
            body.put("members", MultiValue.of(memberList));
        }
        Meta meta = new Meta(type.name(), row.created().toInstant(), row.lastModified().toInstant(), null,
                Versions.weak(row.version()));
        body.put("meta", meta.toValue());
        return ScimResource.of(body.build());
    }

    /** The resources of rows, with their members when asked (one query for all of them). */
    List<ScimResource> resources(Connection connection, String tenant, List<StoredRow> rows, boolean withMembers)
            throws SQLException {
        Map<String, List<ComplexValue>> memberLists = Map.of();
        if (withMembers && !rows.isEmpty()) {
            memberLists = members.read(connection, tenant, type.name(), rows.stream().map(StoredRow::id).toList());
        }
        List<ScimResource> resources = new ArrayList<>(rows.size());
        for (StoredRow row : rows) {
            resources.add(resource(row, memberLists.get(row.id())));
        }
        return resources;
    }

    private Optional<ScimResource> load(Connection connection, String tenant, String id, boolean withMembers)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredRow.COLUMNS
                + " FROM scim_resource r WHERE r.tenant = ? AND r.resource_type = ? AND r.id = ?")) {
            Parameters.bind(query, List.of(tenant, type.name(), id));
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(resources(connection, tenant, List.of(StoredRow.read(rows, false)), withMembers)
                        .get(0));
            }
        }
    }

    /**
     * The version compare-and-swap ({@code UPDATE ... WHERE version = ?}), with the new body and
     * indexed values when given; with {@code returning}, the row as written (its new version and
     * creation time, and without a new body the stored one, come back from the same statement:
     * {@code RETURNING} on PostgreSQL, a {@code FINAL TABLE} on H2), else {@code null}.
     */
    private @Nullable StoredRow compareAndSwap(Connection connection, String tenant, String id,
            @Nullable String expectedVersion, OffsetDateTime now, @Nullable IndexedValues values,
            @Nullable String json, boolean returning) throws SQLException {
        Long expected = expectedCounter(expectedVersion);
        StringBuilder sql = new StringBuilder("UPDATE scim_resource SET version = version + 1, last_modified = ?");
        if (values != null) {
            sql.append(", user_name_key = ?, user_name_fold = ?, display_name = ?, display_name_key = ?,"
                    + " display_name_fold = ?, external_id = ?, external_id_unique = ?, active = ?, body = ")
                    .append(dialect.bodyParameter());
        }
        sql.append(" WHERE tenant = ? AND resource_type = ? AND id = ?");
        if (expected != null) {
            sql.append(" AND version = ?");
        }
        String columns = json == null ? "version, created, body" : "version, created";
        String statement = !returning ? sql.toString()
                : dialect == Dialect.POSTGRESQL ? sql + " RETURNING " + columns
                : "SELECT " + columns + " FROM FINAL TABLE (" + sql + ")";
        try (PreparedStatement update = connection.prepareStatement(statement)) {
            int next = 1;
            Parameters.bind(update, next++, now);
            if (values != null && json != null) {
                next = bindValues(update, next, values, json);
            }
            Parameters.bind(update, next++, tenant);
            Parameters.bind(update, next++, type.name());
            Parameters.bind(update, next++, id);
            if (expected != null) {
                Parameters.bind(update, next, expected);
            }
            if (!returning) {
                if (update.executeUpdate() == 0) {
                    throw missingOrStale(connection, tenant, id, expectedVersion);
                }
                return null;
            }
            try (ResultSet row = update.executeQuery()) {
                if (!row.next()) {
                    throw missingOrStale(connection, tenant, id, expectedVersion);
                }
                return new StoredRow(id, 0, row.getLong(1), row.getObject(2, OffsetDateTime.class), now,
                        json != null ? json : row.getString(3), null);
            }
        }
    }

    private ScimException missingOrStale(Connection connection, String tenant, String id,
            @Nullable String expectedVersion) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM scim_resource WHERE tenant = ? AND resource_type = ? AND id = ?")) {
            Parameters.bind(query, List.of(tenant, type.name(), id));
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return ScimException.notFound(type.name() + " " + id + " not found");
                }
            }
        }
        return ScimException.preconditionFailed("the resource was modified: its version is no longer "
                + expectedVersion + " (RFC 7644 §3.14)");
    }

    private void bindRow(PreparedStatement insert, Object[] leading, IndexedValues values, String json)
            throws SQLException {
        for (int i = 0; i < leading.length; i++) {
            Parameters.bind(insert, i + 1, leading[i]);
        }
        bindValues(insert, leading.length + 1, values, json);
    }

    /** The stored JSON of a body. */
    private String json(ComplexValue body) {
        return new String(codec.write(ScimResource.of(body)), StandardCharsets.UTF_8);
    }

    /** Binds the indexed columns and the body from {@code first}; returns the next placeholder. */
    private static int bindValues(PreparedStatement statement, int first, IndexedValues values, String json)
            throws SQLException {
        Object[] columns = {values.userNameKey(), values.userNameFold(), values.displayName(), values.displayNameKey(),
            values.displayNameFold(), values.externalId(), values.externalIdUnique(), values.active(), json};
        for (int i = 0; i < columns.length; i++) {
            Parameters.bind(statement, first + i, columns[i]);
        }
        return first + columns.length;
    }

    private void writeEmails(Connection connection, String tenant, String id, IndexedValues values, boolean replace)
            throws SQLException {
        if (kind != ResourceKind.USER) {
            return;
        }
        if (replace) {
            if (storedEmails(connection, tenant, id).equals(values.emails())) {
                // Most updates (a PATCH of displayName, active, a department) leave the addresses as they
                // were: one read instead of rewriting the rows and their two indexes.
                return;
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM scim_email WHERE tenant = ? AND resource_type = ? AND resource_id = ?")) {
                Parameters.bind(delete, List.of(tenant, type.name(), id));
                delete.executeUpdate();
            }
        }
        if (values.emails().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scim_email (tenant, resource_type,"
                + " resource_id, position, value_fold, type_fold, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (IndexedValues.EmailRow email : values.emails()) {
                Parameters.bind(insert, List.of(tenant, type.name(), id, position++));
                Parameters.bind(insert, 5, email.valueFold());
                Parameters.bind(insert, 6, email.typeFold());
                Parameters.bind(insert, 7, email.primary());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The {@code scim_email} rows of a resource, in position order. */
    private List<IndexedValues.EmailRow> storedEmails(Connection connection, String tenant, String id)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value_fold, type_fold, is_primary"
                + " FROM scim_email WHERE tenant = ? AND resource_type = ? AND resource_id = ? ORDER BY position")) {
            Parameters.bind(query, List.of(tenant, type.name(), id));
            List<IndexedValues.EmailRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    boolean primary = result.getBoolean(3);
                    rows.add(new IndexedValues.EmailRow(result.getString(1), result.getString(2),
                            result.wasNull() ? null : primary));
                }
            }
            return rows;
        }
    }

    /**
     * The body to store: {@code schemas}, the store's {@code id}, then the client's attributes
     * without {@code id}, {@code meta} (the store owns both) and, for groups, {@code members}
     * (kept in the member table).
     */
    private ComplexValue stripped(ComplexValue body, String id) {
        ComplexValue.Builder out = ComplexValue.builder();
        ScimValue schemas = body.getOrNull("schemas");
        if (schemas != null) {
            out.put("schemas", schemas);
        }
        out.put("id", StringValue.of(id));
        body.attributes().forEach((name, value) -> {
            boolean owned = name.equalsIgnoreCase("id") || name.equalsIgnoreCase("meta")
                    || name.equalsIgnoreCase("schemas") || hasMembers() && name.equalsIgnoreCase("members");
            if (!owned) {
                out.put(name, value);
            }
        });
        return out.build();
    }

    /**
     * The version counter an expected version names, for the compare-and-swap {@code WHERE version = ?}:
     * {@code null} for no check ({@code null} or {@code *}), and {@code -1} (which no row has) for a
     * tag this store never issues. Tags compare as {@link Versions#matches} says (RFC 7232 §2.3.2:
     * weakly, the {@code W/} prefix ignored, the rest exactly).
     */
    static @Nullable Long expectedCounter(@Nullable String expectedVersion) {
        if (expectedVersion == null || expectedVersion.trim().equals("*")) {
            return null;
        }
        String tag = expectedVersion.trim();
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (opaque.length() < 3 || opaque.charAt(0) != '"' || opaque.charAt(opaque.length() - 1) != '"') {
            return -1L;
        }
        try {
            long counter = Long.parseLong(opaque.substring(1, opaque.length() - 1));
            // Only the spelling this store issues: W/"07" or W/"+7" is not W/"7".
            return Versions.matches(Versions.weak(counter), tag) ? counter : -1L;
        } catch (NumberFormatException notOurs) {
            return -1L;
        }
    }

    private static OffsetDateTime now(StoreContext context) {
        return OffsetDateTime.ofInstant(context.requestTime().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}

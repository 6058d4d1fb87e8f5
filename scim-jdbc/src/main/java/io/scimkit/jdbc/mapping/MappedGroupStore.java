package io.scimkit.jdbc.mapping;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.jdbc.Jdbc;
import io.scimkit.jdbc.internal.query.SqlFragment;
import io.scimkit.jdbc.mapping.SqlMapping.Members;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * SCIM Groups (RFC 7643 §4.2) over the application's group table and membership table. Members
 * are users of the same tenant: ids that name no user (nested groups among them) are not stored.
 * Each kind of member change is one statement ({@code INSERT ... SELECT} of the users not yet
 * members, {@code DELETE ... IN}); the group row is locked first, so concurrent changes to one
 * group queue up and each gets a new version.
 */
final class MappedGroupStore extends MappedStore implements GroupStore {
    private final MappedTable users;
    private final Members members;

    MappedGroupStore(DataSource dataSource, SchemaRegistry registry, MappedTable table, MappedTable users) {
        super(dataSource, registry, table);
        this.users = users;
        this.members = Objects.requireNonNull(table.mapping().members(), "members");
    }

    @Override
    ScimResource joined(Connection c, ScimResource group, StoreContext context) throws SQLException {
        if (!context.returns("members")) {
            return group;
        }
        SqlFragment visible = users.visible("u", context.tenant());
        List<Object> parameters = new ArrayList<>();
        parameters.add(table.key(group.id().orElseThrow()));
        parameters.addAll(visible.parameters());
        List<ScimValue> values = Jdbc.query(c, "SELECT m." + members.memberColumn() + " FROM " + members.table()
                + " m JOIN " + users.table() + " u ON u." + users.id() + " = m." + members.memberColumn() + " WHERE m."
                + members.groupColumn() + " = ? AND " + visible.sql() + " ORDER BY m." + members.memberColumn(),
                row -> ComplexValue.builder().put("value", String.valueOf(row.getObject(1))).put("type", "User").build(),
                parameters.toArray());
        return values.isEmpty() ? group : group.with("members", MultiValue.of(values));
    }

    @Override
    void members(Connection c, StoreContext context, Object group, MemberChanges changes) throws SQLException {
        String where = " WHERE " + members.groupColumn() + " = ?";
        if (changes.replaceAll()) {
            Jdbc.update(c, "DELETE FROM " + members.table() + where, group);
        } else if (!changes.removed().isEmpty()) {
            List<Object> keys = userKeys(changes.removed()).values().stream().toList();
            if (!keys.isEmpty()) {
                List<Object> parameters = new ArrayList<>();
                parameters.add(group);
                parameters.addAll(keys);
                Jdbc.update(c, "DELETE FROM " + members.table() + where + " AND " + members.memberColumn() + " IN ("
                        + marks(keys.size()) + ")", parameters.toArray());
            }
        }
        List<Object> added = userKeys(changes.addedIds()).values().stream().distinct().toList();
        if (!added.isEmpty()) {
            SqlFragment visible = users.visible("u", context.tenant());
            List<Object> parameters = new ArrayList<>();
            parameters.add(group);
            parameters.addAll(visible.parameters());
            parameters.addAll(added);
            parameters.add(group);
            Jdbc.update(c, "INSERT INTO " + members.table() + " (" + members.groupColumn() + ", " + members.memberColumn()
                    + ") SELECT ?, u." + users.id() + " FROM " + users.table() + " u WHERE " + visible.sql() + " AND u."
                    + users.id() + " IN (" + marks(added.size()) + ") AND NOT EXISTS (SELECT 1 FROM " + members.table()
                    + " m WHERE m." + members.groupColumn() + " = ? AND m." + members.memberColumn() + " = u."
                    + users.id() + ")", parameters.toArray());
        }
    }

    @Override
    void forget(Connection c, Object group) throws SQLException {
        Jdbc.update(c, "DELETE FROM " + members.table() + " WHERE " + members.groupColumn() + " = ?", group);
    }

    @Override
    public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        Object member = users.key(memberId);
        if (member == null) {
            return List.of();
        }
        SqlFragment visible = table.visible("g", context.tenant());
        List<Object> parameters = new ArrayList<>(visible.parameters());
        parameters.add(member);
        String display = table.nameField().column();
        return Jdbc.transaction(dataSource, c -> Jdbc.query(c, "SELECT g." + table.id() + ", g." + display + " FROM "
                + table.table() + " g JOIN " + members.table() + " m ON m." + members.groupColumn() + " = g." + table.id()
                + " WHERE " + visible.sql() + " AND m." + members.memberColumn() + " = ? ORDER BY g." + table.id(),
                row -> new GroupMembership(String.valueOf(row.getObject(1)), row.getString(2)), parameters.toArray()));
    }

    @Override
    public Set<String> membersAmong(StoreContext context, String groupId, Set<String> memberIds) {
        Object group = table.key(groupId);
        Map<String, Object> keys = userKeys(memberIds);
        if (group == null || keys.isEmpty()) {
            return Set.of();
        }
        SqlFragment visible = table.visible("g", context.tenant());
        List<Object> parameters = new ArrayList<>(visible.parameters());
        parameters.add(group);
        parameters.addAll(keys.values());
        Set<String> found = new HashSet<>(Jdbc.transaction(dataSource, c -> Jdbc.query(c, "SELECT m."
                + members.memberColumn() + " FROM " + members.table() + " m JOIN " + table.table() + " g ON g."
                + table.id() + " = m." + members.groupColumn() + " WHERE " + visible.sql() + " AND g." + table.id()
                + " = ? AND m." + members.memberColumn() + " IN (" + marks(keys.size()) + ")",
                row -> String.valueOf(row.getObject(1)), parameters.toArray())));
        Set<String> among = new HashSet<>();
        keys.forEach((id, key) -> {
            if (found.contains(String.valueOf(key))) {
                among.add(id);
            }
        });
        return among;
    }

    /** The user keys of member ids, by id; ids that cannot be a user's are left out. */
    private Map<String, Object> userKeys(Collection<String> ids) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String id : ids) {
            Object key = users.key(id);
            if (key != null) {
                keys.put(id, key);
            }
        }
        return keys;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
